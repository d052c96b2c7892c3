// Makes sure a Temporal CLI is available (building it with Go once if needed) and prints its path.
import { findTemporalCli } from './temporal.js';

const path = await findTemporalCli((line) => console.error(line));
if (!path) {
  console.error('No Temporal CLI found and Go is not installed; the tests will let @temporalio/testing download one (needs internet).');
} else {
  console.log(path);
}
