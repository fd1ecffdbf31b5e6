package lab3.grading;

import lab3.pmu.FloodText;

/**
 * How the bench's emulators behave: as the course's servers did ({@link #COURSE}, the default), or
 * as the lab text describes them ({@link #LAB_TEXT}). The evidence for each fact of the course
 * profile is {@code FACTS.md} of the course's artefacts (Python 3.6 bytecode of its servers and of
 * its graders' client, a 2021 grading log), quoted beside each field.
 *
 * @param name {@code course} or {@code lab-text}, as the policy's {@code profile} rule says
 * @param firstMessage the number of the first PMU message. Course: <b>0</b> ("Messages numbered
 *     from 0: This is PMU data 0, ...", FACTS.md, Part 2 2020-2021); lab text: 1 ("i = 1, 2, ...,
 *     n")
 * @param asciiFlood true if {@code CMD_floodme} sends plain ASCII text of about 57 KB (FACTS.md:
 *     "about 57 KB of plain ASCII text (a play), sent with one sendall()"); false for the built-in
 *     scene with multi-byte characters
 */
record Profile(String name, int firstMessage, boolean asciiFlood) {
  /** The course's servers as they behaved (FACTS.md). */
  static final Profile COURSE = new Profile("course", 0, true);

  /** The servers as the lab text describes them. */
  static final Profile LAB_TEXT = new Profile("lab-text", 1, false);

  /** The profile the policy's {@code profile} rule names. */
  static Profile of(Policy policy) {
    return policy.is("profile", "course") ? COURSE : LAB_TEXT;
  }

  /**
   * How the bench's reset server answers: {@code OFFSET:X} and {@code Wrong command.} for the
   * course (FACTS.md, Part 3), {@code OFFSET=X} and silence for the lab text.
   */
  lab3.reset.ResetProfile reset() {
    return asciiFlood ? lab3.reset.ResetProfile.COURSE : lab3.reset.ResetProfile.LAB_TEXT;
  }

  /** The floodme text of this profile. */
  FloodText floodText() {
    return asciiFlood ? lab3.netlab.CourseProfile.floodText() : FloodText.builtIn();
  }
}
