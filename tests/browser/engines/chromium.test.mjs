// The cross-engine journeys (journeys.mjs) in chromium.
import { runJourneys } from './suite.mjs';

runJourneys('chromium');
