// What a learner's QR code says: "DD1:" and the id of their enrolment in a class. The enrolment id (a UUIDv7 with 74
// random bits) is known only to the centre, the class's instructors and the learner, so a made-up code names no
// enrolment, and a code from another class names an enrolment of that class: both are refused at the roll.
const PREFIX = 'DD1:';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const checkInCode = (enrollmentId: string): string => `${PREFIX}${enrollmentId}`;

/** The enrolment id a scanned text names, or null when it is not one of our codes at all. */
export function parseCheckInCode(text: string): string | null {
  const trimmed = text.trim();
  if (!trimmed.startsWith(PREFIX)) return null;
  const id = trimmed.slice(PREFIX.length).toLowerCase();
  return UUID.test(id) ? id : null;
}
