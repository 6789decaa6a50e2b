package org.fairfee.jobs.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.fairfee.jobs.core.IngestOptions;
import org.fairfee.schemas.FileOutcome;
import org.fairfee.schemas.FileStatus;
import org.fairfee.schemas.ReasonCode;
import org.fairfee.schemas.SubmissionColumn;

/**
 * Reads one submission file, streaming, and accounts for every row: each data row is either
 * accepted (typed values) or quarantined (reason code, reason, raw text); a file that cannot be
 * used at all is rejected with a reason. The file's sha256 is computed on the same pass.
 *
 * <p>Pull-based: call {@link #next()} until it returns null, then read {@link #summary()}. Plain
 * Java, used by the Spark ingest on executors and by {@code fairfee validate} without Spark.
 */
public final class FileIngestor implements AutoCloseable {

  /** An accepted row (values in {@code Tables.CHARGES} order, lineage left null) or a quarantined one. */
  public record Outcome(long line, Object[] values, ReasonCode code, String reason, String raw) {
    public boolean accepted() {
      return values != null;
    }
  }

  /** The most characters of a raw row kept for quarantine.csv. */
  static final int RAW_LIMIT = 2000;
  private static final int SNIFF_BYTES = 4096;

  private final String file;
  private final IngestOptions options;
  private final DigestInputStream digestIn;
  private final CountingInputStream counting;
  private final SniffingInputStream sniffer;
  private final RecordSplitter splitter;
  private final FieldParser fields = new FieldParser();
  private final CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
      .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);

  private Header header;
  private RowValidator validator;
  private final Map<String, LineSet> seen = new HashMap<>();
  private final Set<String> submissionIds = new TreeSet<>();
  private List<String> extras = List.of();
  private long rowsRead;
  private long rowsAccepted;
  private long rowsQuarantined;
  private long blankLines;
  private FileStatus status = FileStatus.ACCEPTED;
  private ReasonCode reasonCode;
  private String reason;
  private boolean done;
  private FileOutcome summary;

  public FileIngestor(String file, InputStream in, IngestOptions options) {
    this.file = file;
    this.options = options;
    this.counting = new CountingInputStream(in);
    this.sniffer = new SniffingInputStream(counting);
    this.digestIn = new DigestInputStream(sniffer, sha256());
    this.splitter = new RecordSplitter(digestIn, options.maxRowBytes());
  }

  /** The next row's outcome, or null when the file is finished (or rejected). */
  public Outcome next() throws IOException {
    if (done) {
      return null;
    }
    if (validator == null && !readHeader()) {
      finish();
      return null;
    }
    while (true) {
      RecordSplitter.Raw raw = splitter.next();
      if (raw == null) {
        if (rowsRead == 0) {
          reject(ReasonCode.NO_DATA_ROWS, "the file has a header but no data rows");
        }
        finish();
        return null;
      }
      if (raw.kind() == RecordSplitter.Kind.OK && raw.isBlank()) {
        blankLines++;
        continue;
      }
      rowsRead++;
      Outcome o = row(raw);
      if (o.accepted()) {
        rowsAccepted++;
      } else {
        rowsQuarantined++;
      }
      return o;
    }
  }

  private Outcome row(RecordSplitter.Raw raw) {
    switch (raw.kind()) {
      case TOO_LONG:
        return quarantine(raw, ReasonCode.ROW_TOO_LONG, "the row is longer than " + options.maxRowBytes()
            + " bytes (the limit is reached in " + header.describeField(raw.problemField()) + "); only its first "
            + raw.length() + " bytes are shown", lenient(raw));
      case UNTERMINATED_QUOTE:
        return quarantine(raw, ReasonCode.UNTERMINATED_QUOTE, "a quote opened in "
            + header.describeField(raw.problemField()) + " " + raw.problem()
            + "; only this line is quarantined and reading resumed on the next line", lenient(raw));
      default:
        break;
    }
    // Decoding leniently is fast and puts U+FFFD where bytes are not UTF-8; only then is a strict
    // check needed (the text may carry a real U+FFFD).
    String text = lenient(raw);
    if (text.indexOf('\uFFFD') >= 0) {
      String notUtf8 = notUtf8(raw);
      if (notUtf8 != null) {
        return quarantine(raw, ReasonCode.NOT_UTF8, notUtf8, text);
      }
    }
    if (raw.problem() != null) {
      return quarantine(raw, ReasonCode.MALFORMED_ROW, header.describeField(raw.problemField()) + ": " + raw.problem(), text);
    }
    FieldParser.Result split = fields.parse(text);
    if (!split.ok()) {
      return quarantine(raw, ReasonCode.MALFORMED_ROW, split.problem(), text);
    }
    RowValidator.Outcome checked = validator.validate(split.fields());
    if (!checked.accepted()) {
      return quarantine(raw, checked.code(), checked.reason(), text);
    }
    Object[] v = checked.values();
    String sid = (String) v[SubmissionColumn.SUBMISSION_ID.ordinal()];
    int lineNo = (Integer) v[SubmissionColumn.LINE_NO.ordinal()];
    LineSet lines = seen.computeIfAbsent(sid, k -> new LineSet());
    if (!lines.add(lineNo)) {
      return quarantine(raw, ReasonCode.DUPLICATE_LINE, "submission_id " + sid + " line_no " + lineNo
          + " already appeared earlier in the file", text);
    }
    submissionIds.add(sid);
    return new Outcome(raw.startLine(), v, null, null, null);
  }

  private static String lenient(RecordSplitter.Raw raw) {
    return new String(raw.bytes(), 0, raw.length(), StandardCharsets.UTF_8);
  }

  /**
   * Why the record is not UTF-8, naming the field and the first bad byte; null when it is valid
   * (a U+FFFD that was really in the file).
   */
  private String notUtf8(RecordSplitter.Raw raw) {
    ByteBuffer in = ByteBuffer.wrap(raw.bytes(), 0, raw.length());
    CharBuffer out = CharBuffer.allocate(raw.length() + 1);
    strict.reset();
    CoderResult r = strict.decode(in, out, true);
    if (!r.isError()) {
      r = strict.flush(out);
    }
    if (!r.isError()) {
      return null;
    }
    int at = in.position();
    return header.describeField(fieldAt(raw, at)) + " holds bytes that are not valid UTF-8 ("
        + String.format(java.util.Locale.ROOT, "0x%02X", raw.bytes()[at] & 0xff) + " at byte " + (at + 1)
        + " of the row); save the file as UTF-8";
  }

  /** The 0-based field that byte {@code at} of a record falls in. */
  private static int fieldAt(RecordSplitter.Raw raw, int at) {
    int field = 0;
    boolean inQuote = false;
    for (int i = 0; i < at; i++) {
      byte b = raw.bytes()[i];
      if (b == '"') {
        inQuote = !inQuote;
      } else if (b == ',' && !inQuote) {
        field++;
      }
    }
    return field;
  }

  private Outcome quarantine(RecordSplitter.Raw raw, ReasonCode code, String why, String text) {
    String shown = text.length() > RAW_LIMIT ? text.substring(0, RAW_LIMIT) + "..." : text;
    return new Outcome(raw.startLine(), null, code, why, shown);
  }

  private boolean readHeader() throws IOException {
    RecordSplitter.Raw raw;
    do {
      raw = splitter.next();
      if (raw != null && raw.kind() == RecordSplitter.Kind.OK && raw.isBlank()) {
        blankLines++;
      }
    } while (raw != null && raw.kind() == RecordSplitter.Kind.OK && raw.isBlank());
    String binary = sniffer.binaryVerdict();
    if (binary != null) {
      reject(ReasonCode.BINARY_FILE, binary);
      return false;
    }
    if (raw == null) {
      reject(ReasonCode.EMPTY_FILE, counting.count() == 0 ? "the file is empty (0 bytes)" : "the file has no header row");
      return false;
    }
    if (raw.kind() != RecordSplitter.Kind.OK) {
      reject(ReasonCode.MISSING_COLUMN, "the header row cannot be read (" + raw.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ")");
      return false;
    }
    String text;
    try {
      text = strict.reset().decode(ByteBuffer.wrap(raw.bytes(), 0, raw.length())).toString();
    } catch (CharacterCodingException e) {
      reject(ReasonCode.HEADER_NOT_UTF8, "the header row is not valid UTF-8 (save the file as UTF-8)");
      return false;
    }
    FieldParser.Result split = fields.parse(text);
    if (!split.ok()) {
      reject(ReasonCode.MISSING_COLUMN, "the header row is not valid CSV: " + split.problem());
      return false;
    }
    Header parsed = Header.of(split.fields());
    extras = parsed.extras();
    if (!parsed.usable()) {
      reject(parsed.problemCode(), parsed.problem());
      return false;
    }
    header = parsed;
    validator = new RowValidator(parsed, options.rates());
    return true;
  }

  private void reject(ReasonCode code, String why) {
    status = FileStatus.REJECTED;
    reasonCode = code;
    reason = why;
  }

  /** Rejects the file for a reason found outside it (an I/O error, a submission_id conflict). */
  public void fail(ReasonCode code, String why) {
    reject(code, why);
    done = true;
  }

  private void finish() throws IOException {
    done = true;
    byte[] buf = new byte[8192];
    while (digestIn.read(buf) >= 0) {
      // read to the end, so the hash covers the whole file
    }
  }

  /** The file's outcome; only after {@link #next()} has returned null. */
  public FileOutcome summary() {
    if (!done) {
      throw new IllegalStateException("summary() before the file was read to the end");
    }
    if (summary == null) {
      String sha = HexFormat.of().formatHex(digestIn.getMessageDigest().digest());
      summary = new FileOutcome(file, sha, counting.count(), status, reasonCode, reason, rowsRead,
          status == FileStatus.REJECTED ? 0 : rowsAccepted,
          status == FileStatus.REJECTED ? 0 : rowsQuarantined, blankLines,
          List.copyOf(submissionIds), List.copyOf(extras));
    }
    return summary;
  }

  /** Reads the whole file, for callers that only want the summary. */
  public FileOutcome drain() throws IOException {
    while (next() != null) {
      // counted inside
    }
    return summary();
  }

  @Override
  public void close() throws IOException {
    digestIn.close();
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM has no SHA-256", e);
    }
  }

  /** Line numbers seen for one submission_id: a bit set for the usual small numbers, a hash set beyond. */
  private static final class LineSet {
    private static final int DENSE_LIMIT = 1 << 24;
    private final BitSet dense = new BitSet();
    private Set<Integer> sparse;

    boolean add(int n) {
      if (n < DENSE_LIMIT) {
        if (dense.get(n)) {
          return false;
        }
        dense.set(n);
        return true;
      }
      if (sparse == null) {
        sparse = new HashSet<>();
      }
      return sparse.add(n);
    }
  }

  /** Counts the bytes read, for the manifest. */
  private static final class CountingInputStream extends java.io.FilterInputStream {
    private long count;

    CountingInputStream(InputStream in) {
      super(in);
    }

    long count() {
      return count;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }
  }

  /**
   * Looks at the first bytes of the file to tell a binary file (NUL bytes, a zip or gzip signature,
   * mostly control bytes) from text before any row is judged.
   */
  private static final class SniffingInputStream extends java.io.FilterInputStream {
    private final byte[] head = new byte[SNIFF_BYTES];
    private int headLen;
    private int headPos;
    private boolean primed;

    SniffingInputStream(InputStream in) {
      super(in);
    }

    /**
     * Reads the first {@link #SNIFF_BYTES} bytes (or the whole file, if shorter) before anything
     * else, so the verdict is about the same bytes however the stream happens to split its reads.
     */
    private void prime() throws IOException {
      primed = true;
      int n;
      while (headLen < head.length && (n = in.read(head, headLen, head.length - headLen)) >= 0) {
        headLen += n;
      }
    }

    @Override
    public int read() throws IOException {
      if (!primed) {
        prime();
      }
      return headPos < headLen ? head[headPos++] & 0xff : in.read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (!primed) {
        prime();
      }
      if (len == 0) {
        return 0;
      }
      if (headPos < headLen) {
        int k = Math.min(len, headLen - headPos);
        System.arraycopy(head, headPos, b, off, k);
        headPos += k;
        return k;
      }
      return in.read(b, off, len);
    }

    @Override
    public long skip(long n) throws IOException {
      // through read, so that skipped bytes come from the head first (FilterInputStream would bypass it)
      byte[] scratch = new byte[(int) Math.max(1, Math.min(n, 8192))];
      long left = n;
      int r;
      while (left > 0 && (r = read(scratch, 0, (int) Math.min(left, scratch.length))) > 0) {
        left -= r;
      }
      return n - left;
    }

    @Override
    public int available() throws IOException {
      return headPos < headLen ? headLen - headPos : in.available();
    }

    @Override
    public boolean markSupported() {
      return false;
    }

    /** Why the file looks binary, or null when it looks like text. */
    String binaryVerdict() {
      if (headLen >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
        return "the file is gzip-compressed, not CSV text (decompress it first)";
      }
      if (headLen >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
        return "the file is a zip archive or an Excel workbook, not CSV text (export it as CSV, UTF-8)";
      }
      if (headLen >= 2 && (((head[0] & 0xff) == 0xff && (head[1] & 0xff) == 0xfe)
          || ((head[0] & 0xff) == 0xfe && (head[1] & 0xff) == 0xff))) {
        return "the file is UTF-16 text, not UTF-8 (save it as UTF-8)";
      }
      int evenNuls = 0;
      int oddNuls = 0;
      for (int i = 0; i < headLen; i++) {
        if (head[i] == 0) {
          if (i % 2 == 0) {
            evenNuls++;
          } else {
            oddNuls++;
          }
        }
      }
      int half = headLen / 2;
      if (headLen >= 8 && (evenNuls >= half * 9 / 10 && oddNuls <= half / 10 || oddNuls >= half * 9 / 10 && evenNuls <= half / 10)) {
        return "the file looks like UTF-16 text without a byte-order mark, not UTF-8 (save it as UTF-8)";
      }
      int odd = 0;
      for (int i = 0; i < headLen; i++) {
        int b = head[i] & 0xff;
        if (b < 0x20 && b != '\n' && b != '\r' && b != '\t' || b == 0x7f) {
          odd++;
        }
      }
      // Text has next to no control bytes; a stray one in a row is that row's problem, not the file's.
      if (headLen > 0 && odd * 20 > headLen) {
        return "many of the first bytes are NUL or control characters: the file is binary, not CSV text";
      }
      return null;
    }
  }
}
