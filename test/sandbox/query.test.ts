import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QboFault } from '../../sandbox/qbo/faults.js';
import { parseQuery } from '../../sandbox/qbo/query/parser.js';
import { faultOf, newCompany, startSandbox, type Api, type Harness } from './helpers.js';

describe('query language: parser', () => {
  it('parses keywords in any case, AND, IN, LIKE, ORDERBY, paging', () => {
    const query = parseQuery("SeLeCt * FROM Customer wHeRe Active = true AND DisplayName LIKE 'A%' and Id in ('1', '2') orderBy DisplayName DESC, Id STARTPOSITION 11 maxresults 5");
    expect(query).toEqual({
      entity: 'Customer',
      select: { kind: 'all' },
      where: [
        { field: ['Active'], op: '=', values: [{ kind: 'boolean', value: true }] },
        { field: ['DisplayName'], op: 'like', values: [{ kind: 'string', value: 'A%' }] },
        { field: ['Id'], op: 'in', values: [{ kind: 'string', value: '1' }, { kind: 'string', value: '2' }] },
      ],
      orderBy: [
        { field: ['DisplayName'], descending: true },
        { field: ['Id'], descending: false },
      ],
      startPosition: 11,
      maxResults: 5,
    });
  });

  it('reads \\\' inside a string as a quote, and nested fields with dots', () => {
    const query = parseQuery("select count(*) from Invoice where CustomerRef = 'O\\'Brien' and MetaData.LastUpdatedTime >= '2026-01-01T00:00:00-07:00'");
    expect(query.select).toEqual({ kind: 'count' });
    expect(query.where[0]?.values[0]).toEqual({ kind: 'string', value: "O'Brien" });
    expect(query.where[1]?.field).toEqual(['MetaData', 'LastUpdatedTime']);
  });

  it('refuses OR with QueryParserError 4000 and reports where', () => {
    const run = () => parseQuery("select * from Customer where DisplayName = 'a' OR DisplayName = 'b'");
    expect(run).toThrow(QboFault);
    try {
      run();
    } catch (error) {
      const fault = (error as QboFault).errors[0];
      expect(fault).toMatchObject({ code: '4000', Message: 'Error parsing query' });
      expect(fault?.Detail).toBe('QueryParserError: Encountered " <OR> "OR "" at line 1, column 48.');
    }
  });

  it('refuses unterminated strings, unknown operators and trailing junk', () => {
    for (const text of ["select * from Customer where DisplayName = 'abc", 'select * from Customer where Id != 1', 'select * from Customer where', 'select from Customer', 'select * from Customer maxresults x']) {
      expect(() => parseQuery(text), text).toThrow(QboFault);
    }
  });
});

describe('query language: over HTTP', () => {
  let harness: Harness;
  let api: Api;
  const names = ["O'Brien Hardware", 'Acme Anvils', 'Acme Rockets', 'Beta Books', 'Gamma Gears', 'Delta Dairy'];

  beforeAll(async () => {
    harness = await startSandbox();
    api = await newCompany(harness);
    for (const name of names) await api.call('POST', '/customer', { DisplayName: name, CompanyName: name.split(' ')[0] });
  });
  afterAll(() => harness.close());

  it('filters with = on an escaped quote', async () => {
    const reply = await api.query("select * from Customer where DisplayName = 'O\\'Brien Hardware'");
    expect(reply.status).toBe(200);
    expect(reply.body.QueryResponse).toMatchObject({ startPosition: 1, maxResults: 1 });
    expect(reply.body.QueryResponse.Customer[0].DisplayName).toBe("O'Brien Hardware");
  });

  it('supports AND, LIKE (case-insensitive), IN and ORDERBY', async () => {
    const like = await api.query("select * from Customer where DisplayName like 'acme%' and CompanyName = 'Acme' orderby DisplayName desc");
    expect(like.body.QueryResponse.Customer.map((c: { DisplayName: string }) => c.DisplayName)).toEqual(['Acme Rockets', 'Acme Anvils']);
    const inList = await api.query("select * from Customer where DisplayName in ('Beta Books', 'Delta Dairy', 'Nobody')");
    expect(inList.body.QueryResponse.Customer).toHaveLength(2);
  });

  it('pages with STARTPOSITION (1-based) and MAXRESULTS, and counts', async () => {
    const page = await api.query('select * from Customer orderby DisplayName startposition 2 maxresults 2');
    expect(page.body.QueryResponse).toMatchObject({ startPosition: 2, maxResults: 2 });
    expect(page.body.QueryResponse.Customer.map((c: { DisplayName: string }) => c.DisplayName)).toEqual(['Acme Rockets', 'Beta Books']);
    const count = await api.query("select count(*) from Customer where DisplayName like '%a%'");
    expect(count.body.QueryResponse).toEqual({ totalCount: 6 });
    const beyond = await api.query('select * from Customer startposition 100');
    expect(beyond.body.QueryResponse).toEqual({});
  });

  it('filters on references and MetaData times', async () => {
    const customer = (await api.query("select * from Customer where DisplayName = 'Beta Books'")).body.QueryResponse.Customer[0];
    await api.call('POST', '/invoice', { CustomerRef: { value: customer.Id }, Line: [{ Amount: 10, DetailType: 'SalesItemLineDetail', SalesItemLineDetail: { ItemRef: { value: '1' } } }] });
    const byRef = await api.query(`select * from Invoice where CustomerRef = '${customer.Id}'`);
    expect(byRef.body.QueryResponse.Invoice).toHaveLength(1);
    const since = await api.query("select * from Invoice where MetaData.LastUpdatedTime > '2000-01-01T00:00:00-07:00'");
    expect(since.body.QueryResponse.Invoice).toHaveLength(1);
    const future = await api.query("select * from Invoice where MetaData.LastUpdatedTime > '2999-01-01'");
    expect(future.body.QueryResponse).toEqual({});
  });

  it('returns selected fields only', async () => {
    const reply = await api.query("select Id, DisplayName from Customer where DisplayName = 'Gamma Gears'");
    expect(Object.keys(reply.body.QueryResponse.Customer[0]).sort()).toEqual(['DisplayName', 'Id']);
  });

  it('accepts a POSTed query as application/text', async () => {
    const reply = await api.call('POST', '/query', "select * from Customer where DisplayName = 'Delta Dairy'", { contentType: 'application/text' });
    expect(reply.body.QueryResponse.Customer[0].DisplayName).toBe('Delta Dairy');
  });

  it('rejects OR (4000) and an unknown entity (4001)', async () => {
    const or = await api.query("select * from Customer where DisplayName = 'a' or DisplayName = 'b'");
    expect(or.status).toBe(400);
    expect(faultOf(or)).toMatchObject({ code: '4000', type: 'ValidationFault' });
    expect(faultOf(await api.query('select * from Widget')).code).toBe('4001');
  });
});
