// A mark's statuses in the order screens list them: plain data (the schema is in entities.ts), so code that only
// counts marks, like a learner's home, does not load the schema library.
export const MarkStatuses = ['present', 'late', 'leftEarly', 'excused', 'absent'] as const;
