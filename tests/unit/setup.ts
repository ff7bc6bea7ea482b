// Unit-suite setup: jest-dom matchers, and a fresh in-memory IndexedDB for tests that run app code.
import '@testing-library/jest-dom/vitest';
import 'fake-indexeddb/auto';
