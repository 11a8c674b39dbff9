// The cross-engine journeys (journeys.mjs) in webkit.
import { runJourneys } from './suite.mjs';

runJourneys('webkit');
