// Messages shared between workflows (and the activities that send them).
import { defineSignal } from '@temporalio/workflow';

/** The connection is authorised again: paused work may continue. */
export const connectionRestored = defineSignal('connectionRestored');
