// The cross-engine journeys (journeys.mjs) in firefox.
import { runJourneys } from './suite.mjs';

runJourneys('firefox');
