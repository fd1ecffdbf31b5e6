package lab3.grading.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The intake: Moodle's "Download all submissions", as a zip or unpacked, turned into hand-ins.
 *
 * <p>Moodle 4.1 and later name a folder {@code <Full Name>_<participantId>_assignsubmission_file}
 * (in group mode {@code <Group>_<groupId>_assignsubmission_file}); earlier versions add a final
 * {@code _} and, in group mode, put one copy per member. Inside a folder the hand-in is a folder
 * {@code Lab3_A_B/}, found at any depth, or a zip holding one (zips in zips too), or the part files
 * themselves. {@code __MACOSX}, {@code .DS_Store} and dot files are ignored. Folders whose hand-ins
 * have the same content (a group's copies) share one {@link HandIn}, graded once.
 */
public final class MoodleDownload {
  private static final Pattern FOLDER = Pattern.compile("(.*)_(\\d+)_assignsubmission_file(_?)");
  private static final Pattern LAB3 = Pattern.compile("Lab3_([0-9]{6})_([0-9]{6})");
  private static final Pattern PART =
      Pattern.compile(
          "Part(?:2|3|4_Receiver|4_Sender|5|6_PMU)_([0-9]{6})_([0-9]{6})(\\.py|\\.java|\\.jar)?");
  private static final int MAX_ZIP_DEPTH = 3;

  /**
   * One folder of the download.
   *
   * @param folder its name, as Moodle wrote it (the feedback zip uses it again)
   * @param name the participant's full name, or the group's name in group mode
   * @param id the participant (or group) id of the name
   * @param layout "4.1+" or "before 4.1"
   */
  public record Participant(String folder, String name, String id, String layout) {}

  /**
   * A hand-in to grade, shared by every folder that holds the same content.
   *
   * @param dir the unpacked {@code Lab3_A_B} folder
   * @param hash SHA-256 of its files (names, bytes, execute bits): the key of {@code --resume}
   */
  public record HandIn(Path dir, String hash, String a, String b, List<Participant> participants) {
    String key() {
      return participants.getFirst().folder();
    }
  }

  /** What the intake found: hand-ins, and folders with none (with why). */
  public record Intake(List<HandIn> handIns, Map<Participant, String> noHandIn) {
    public List<Participant> participants() {
      List<Participant> all = new ArrayList<>();
      handIns.forEach(h -> all.addAll(h.participants()));
      all.addAll(noHandIn.keySet());
      return all;
    }
  }

  private MoodleDownload() {}

  /** Reads a download (zip or folder), unpacking what it must under {@code work}. */
  public static Intake read(Path download, Path work) throws IOException {
    Path root = download;
    if (Files.isRegularFile(download)) {
      root = work.resolve("download");
      SafeZip.unpack(download, root, SafeZip.Limits.DEFAULT);
    } else if (!Files.isDirectory(download)) {
      throw new IllegalArgumentException("no Moodle download at " + download);
    }
    List<Path> folders = new ArrayList<>();
    try (Stream<Path> list = Files.list(root)) {
      for (Path p : list.sorted().toList()) {
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) && !SafeZip.junk(root.relativize(p))) {
          folders.add(p);
        }
      }
    }
    // A single hand-in given alone (Gradescope's submission folder): the root is its folder.
    if (folders.stream().noneMatch(f -> FOLDER.matcher(f.getFileName().toString()).matches())) {
      folders = List.of(root);
    }
    Map<String, List<Participant>> byHash = new LinkedHashMap<>();
    Map<String, Path> dirs = new LinkedHashMap<>();
    Map<Participant, String> none = new LinkedHashMap<>();
    int n = 0;
    for (Path folder : folders) {
      Participant who = participant(folder);
      Path staging = work.resolve("handins").resolve(String.valueOf(n++));
      Optional<Path> handIn;
      try {
        handIn = find(folder, staging);
      } catch (IOException e) {
        none.put(who, "unreadable: " + e.getMessage());
        continue;
      }
      if (handIn.isEmpty()) {
        none.put(who, "no hand-in found (no Lab3_A_B folder, zip or Part files)");
        continue;
      }
      String hash = hash(handIn.get());
      byHash.computeIfAbsent(hash, h -> new ArrayList<>()).add(who);
      dirs.putIfAbsent(hash, handIn.get());
    }
    List<HandIn> handIns = new ArrayList<>();
    for (var e : byHash.entrySet()) {
      Path dir = dirs.get(e.getKey());
      Matcher m = LAB3.matcher(dir.getFileName().toString());
      m.matches();
      handIns.add(new HandIn(dir, e.getKey(), m.group(1), m.group(2), List.copyOf(e.getValue())));
    }
    return new Intake(handIns, none);
  }

  static Participant participant(Path folder) {
    String name = folder.getFileName().toString();
    Matcher m = FOLDER.matcher(name);
    if (m.matches()) {
      return new Participant(
          name, m.group(1), m.group(2), m.group(3).isEmpty() ? "4.1+" : "before 4.1");
    }
    return new Participant(name, name, "", "single");
  }

  /**
   * The {@code Lab3_A_B} folder of one download folder: copied (or unpacked) into {@code staging},
   * so that grading never touches the download.
   */
  static Optional<Path> find(Path folder, Path staging) throws IOException {
    Path files = Files.createDirectories(staging.resolve("files"));
    copyFiles(folder, files);
    for (int depth = 0; depth < MAX_ZIP_DEPTH; depth++) {
      List<Path> zips =
          SafeZip.files(files).stream()
              .filter(
                  p ->
                      p.getFileName()
                          .toString()
                          .toLowerCase(java.util.Locale.ROOT)
                          .endsWith(".zip"))
              .toList();
      if (zips.isEmpty()) {
        break;
      }
      for (Path zip : zips) {
        Path into = zip.resolveSibling(zip.getFileName() + ".d");
        SafeZip.unpack(zip, into, SafeZip.Limits.DEFAULT);
        Files.delete(zip);
      }
    }
    Optional<Path> lab3;
    try (Stream<Path> walk = Files.walk(files)) {
      lab3 =
          walk.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
              .filter(p -> !SafeZip.junk(files.relativize(p)))
              .filter(p -> LAB3.matcher(p.getFileName().toString()).matches())
              .min((x, y) -> Integer.compare(x.getNameCount(), y.getNameCount()));
    }
    if (lab3.isPresent()) {
      return lab3;
    }
    // Part files without their folder: the folder is made from their names.
    for (Path file : SafeZip.files(files)) {
      Matcher m = PART.matcher(file.getFileName().toString());
      if (m.matches()) {
        Path dir = file.getParent();
        Path named = staging.resolve("Lab3_" + m.group(1) + "_" + m.group(2));
        Files.move(dir, named);
        return Optional.of(named);
      }
    }
    return Optional.empty();
  }

  private static void copyFiles(Path from, Path to) throws IOException {
    for (Path source : SafeZip.files(from)) {
      Path dest = to.resolve(from.relativize(source).toString());
      Files.createDirectories(dest.getParent());
      Files.copy(source, dest, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
    }
  }

  /** SHA-256 over each file's relative name, execute bit and bytes, in name order. */
  static String hash(Path dir) throws IOException {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (Path file : SafeZip.files(dir)) {
        sha.update(
            dir.relativize(file).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        sha.update((byte) (Files.isExecutable(file) ? 1 : 0));
        sha.update(Files.readAllBytes(file));
        sha.update((byte) 0);
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
