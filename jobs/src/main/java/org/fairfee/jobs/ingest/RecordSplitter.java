package org.fairfee.jobs.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a CSV byte stream into records (RFC 4180: a line break inside double quotes belongs to the
 * field), without decoding, with bounded memory.
 *
 * <p>Why bytes and not a Reader: a row that is not UTF-8 must be quarantined on its own while its
 * neighbours go on, and a quote that never closes must not make the parser swallow the rest of a
 * large file. So this class never holds more than {@code maxRowBytes} (plus a line end) of one
 * record:
 * <ul>
 *   <li>a record that grows past the limit outside quotes is cut at the end of the physical line
 *       where it crossed the limit ({@link Kind#TOO_LONG});</li>
 *   <li>a quote still open at the limit or at the end of the file gives up only the record's first
 *       physical line ({@link Kind#UNTERMINATED_QUOTE}), and the lines after it are split again;</li>
 *   <li>a record that spans lines and is not valid CSV (a quote in the wrong place, a bare carriage
 *       return) is treated the same way, because its line-spanning quote is the likely culprit:
 *       valid rows after a stray quote are read again instead of vanishing into one bad row.</li>
 * </ul>
 *
 * <p>It also checks quote placement, which parsers tend to forgive: a quote may open only at the
 * start of a field, a closing quote must be followed by a comma or the end of the record, and a
 * carriage return outside quotes must end the line.
 */
public final class RecordSplitter {

  /** What kind of record was cut out of the stream. */
  public enum Kind { OK, TOO_LONG, UNTERMINATED_QUOTE }

  /**
   * One record: its bytes without the line terminator (valid until the next call of {@link #next()}),
   * the physical line it starts on (1-based), for an OK record a quote-placement problem if there is
   * one (else null), for an unterminated quote what became of it ("is not closed within ..."), and
   * the 0-based field the problem, the open quote or the crossing of the limit is in (-1 if none).
   */
  public record Raw(Kind kind, long startLine, byte[] bytes, int length, String problem, int problemField) {
    public boolean isBlank() {
      for (int i = 0; i < length; i++) {
        byte b = bytes[i];
        if (b != ' ' && b != '\t') {
          return false;
        }
      }
      return true;
    }
  }

  /** How many bytes of a too-long line are kept to show in quarantine. */
  static final int SHOWN_BYTES = 1024;

  static final String STRAY_QUOTE = "a quote inside an unquoted field (quote the whole field and double the quote)";
  static final String TEXT_AFTER_QUOTE = "text after a closing quote (a quote inside a field must be doubled)";
  static final String BARE_CR = "a bare carriage return (line ends must be LF or CRLF; quote a field that holds one)";

  private final InputStream in;
  private final int maxRowBytes;

  // Bytes given back after a record was cut short, read again before the stream.
  private byte[] replay = new byte[0];
  private int replayPos;

  private final byte[] buf = new byte[16 * 1024];
  private int bufPos;
  private int bufLen;
  private boolean eof;

  private byte[] rec;
  private long nextLine = 1;
  private boolean started;

  public RecordSplitter(InputStream in, int maxRowBytes) {
    if (maxRowBytes < 16) {
      throw new IllegalArgumentException("maxRowBytes must be at least 16, was " + maxRowBytes);
    }
    this.in = in;
    this.maxRowBytes = maxRowBytes;
    this.rec = new byte[Math.min(maxRowBytes + 2, 8192)];
  }

  private int read() throws IOException {
    if (replayPos < replay.length) {
      return replay[replayPos++] & 0xff;
    }
    if (bufPos < bufLen) {
      return buf[bufPos++] & 0xff;
    }
    return fill();
  }

  private int fill() throws IOException {
    if (eof) {
      return -1;
    }
    int n = in.read(buf, 0, buf.length);
    if (n < 0) {
      eof = true;
      bufPos = 0;
      bufLen = 0;
      return -1;
    }
    if (n == 0) {
      throw new IOException("the input stream returned no bytes without reaching its end");
    }
    bufLen = n;
    bufPos = 1;
    return buf[0] & 0xff;
  }

  /** The next record, or null at the end of the stream. A UTF-8 byte-order mark at the start is skipped. */
  public Raw next() throws IOException {
    if (!started) {
      started = true;
      skipBom();
    }
    int c = read();
    if (c < 0) {
      return null;
    }
    final long start = nextLine;
    int len = 0;
    boolean inQuote = false;
    boolean fieldStart = true;
    boolean afterClose = false;
    boolean pendingCr = false;
    int field = 0;
    int crField = -1;
    int quoteField = -1;
    int spanField = -1;
    String problem = null;
    int problemField = -1;
    int problemLine = -1;
    int newlines = 0;
    int firstLineEnd = -1;
    while (true) {
      if (c < 0) {
        if (inQuote) {
          return unterminated(start, len, firstLineEnd, firstLineEnd >= 0 ? spanField : quoteField,
              "is not closed before the end of the file");
        }
        // A carriage return at the very end of the file ends the line.
        return ended(start, len, pendingCr, false, problem, problemField, problemLine, newlines, firstLineEnd, spanField);
      }
      if (pendingCr) {
        pendingCr = false;
        if (c == '\n') {
          return ended(start, len, true, true, problem, problemField, problemLine, newlines, firstLineEnd, spanField);
        }
        if (problem == null) {
          problem = BARE_CR;
          problemField = crField;
          problemLine = newlines;
        }
      }
      if (c == '\n' && !inQuote) {
        return ended(start, len, false, true, problem, problemField, problemLine, newlines, firstLineEnd, spanField);
      }
      // The limit counts the row without its line end, so a CR at the limit may still end the line.
      if (len >= maxRowBytes && !(c == '\r' && !inQuote && len == maxRowBytes)) {
        if (inQuote) {
          rec = ensure(rec, len + 1);
          rec[len++] = (byte) c;
          if (c == '\n' && firstLineEnd < 0) {
            firstLineEnd = len - 1;
            spanField = quoteField;
          }
          return unterminated(start, len, firstLineEnd, firstLineEnd >= 0 ? spanField : quoteField,
              "is not closed within " + maxRowBytes + " bytes");
        }
        if (newlines > 0 && problem != null) {
          rec = ensure(rec, len + 1);
          rec[len++] = (byte) c;
          return cutAtFirstLine(start, len, problem, problemField, problemLine, firstLineEnd, spanField);
        }
        return tooLong(start, len, field, newlines);
      }
      rec = ensure(rec, len + 1);
      rec[len++] = (byte) c;
      if (c == '"') {
        if (inQuote) {
          inQuote = false;
          afterClose = true;
        } else if (afterClose) {
          // "" inside a quoted field: an escaped quote, the field goes on.
          inQuote = true;
          afterClose = false;
        } else if (fieldStart) {
          inQuote = true;
          quoteField = field;
        } else if (problem == null) {
          problem = STRAY_QUOTE;
          problemField = field;
          problemLine = newlines;
        }
        fieldStart = false;
      } else if (inQuote) {
        if (c == '\n') {
          newlines++;
          if (firstLineEnd < 0) {
            firstLineEnd = len - 1;
            spanField = quoteField;
          }
        }
      } else if (c == ',') {
        field++;
        fieldStart = true;
        afterClose = false;
      } else {
        if (c == '\r') {
          pendingCr = true;
          crField = field;
        } else if (afterClose && problem == null) {
          problem = TEXT_AFTER_QUOTE;
          problemField = field;
          problemLine = newlines;
        }
        fieldStart = false;
        afterClose = false;
      }
      if (!pendingCr && !afterClose && replayPos == replay.length) {
        // Most bytes mean nothing to the state machine: copy runs of them straight from the buffer.
        int n = ordinaryRun(inQuote, maxRowBytes - len);
        if (n > 0) {
          rec = ensure(rec, len + n);
          System.arraycopy(buf, bufPos, rec, len, n);
          len += n;
          bufPos += n;
          if (!inQuote) {
            fieldStart = false;
          }
        }
      }
      c = read();
    }
  }

  /**
   * How many bytes from the read buffer's position, at most {@code room}, need no decision: inside
   * quotes anything but a quote or a line feed, outside anything but a quote, comma, CR or LF.
   */
  private int ordinaryRun(boolean inQuote, int room) {
    int end = Math.min(bufLen, bufPos + Math.max(room, 0));
    int p = bufPos;
    if (inQuote) {
      while (p < end) {
        byte b = buf[p];
        if (b == '"' || b == '\n') {
          break;
        }
        p++;
      }
    } else {
      while (p < end) {
        byte b = buf[p];
        if (b == '"' || b == ',' || b == '\n' || b == '\r') {
          break;
        }
        p++;
      }
    }
    return p - bufPos;
  }

  /**
   * A record that reached its line end. {@code len} still counts a carriage return before that end
   * when {@code crEnd}; {@code lfEnd} says whether a line feed was read (not at the end of the file).
   */
  private Raw ended(long start, int len, boolean crEnd, boolean lfEnd, String problem, int problemField,
      int problemLine, int newlines, int firstLineEnd, int spanField) {
    if (newlines > 0 && problem != null) {
      int keep = len;
      if (lfEnd) {
        rec = ensure(rec, len + 1);
        rec[keep++] = '\n';
      }
      return cutAtFirstLine(start, keep, problem, problemField, problemLine, firstLineEnd, spanField);
    }
    nextLine = start + newlines + 1;
    return new Raw(Kind.OK, start, rec, crEnd ? len - 1 : len, problem, problem == null ? -1 : problemField);
  }

  /**
   * A record over several lines that is not valid CSV: only its first line is given up and the
   * rest (rec from the first line end to {@code len}, which holds the bytes read past it) is read
   * again. A problem on the first line itself makes that line malformed; one found later means the
   * quote that spans the line break closed in the wrong place, so it did not really close.
   */
  private Raw cutAtFirstLine(long start, int len, String problem, int problemField, int problemLine,
      int firstLineEnd, int spanField) {
    giveBack(firstLineEnd + 1, len);
    nextLine = start + 1;
    int firstLen = firstLineLength(firstLineEnd);
    if (problemLine == 0) {
      return new Raw(Kind.OK, start, rec, firstLen, problem, problemField);
    }
    return new Raw(Kind.UNTERMINATED_QUOTE, start, rec, firstLen,
        "closes on a later line but is followed there by " + describe(problem), spanField);
  }

  private static String describe(String problem) {
    if (TEXT_AFTER_QUOTE.equals(problem)) {
      return "more text";
    }
    if (BARE_CR.equals(problem)) {
      return "a bare carriage return";
    }
    return "a stray quote";
  }

  /** A quote still open at the limit or the end of the file: the first line is given up. */
  private Raw unterminated(long start, int len, int firstLineEnd, int quoteField, String how) throws IOException {
    nextLine = start + 1;
    if (firstLineEnd >= 0) {
      giveBack(firstLineEnd + 1, len);
      return new Raw(Kind.UNTERMINATED_QUOTE, start, rec, firstLineLength(firstLineEnd), how, quoteField);
    }
    // The first line alone is longer than the limit (or is the last line): skip to its end.
    byte[] shown = Arrays.copyOf(rec, Math.min(Math.min(len, maxRowBytes), SHOWN_BYTES));
    skipLine();
    return new Raw(Kind.UNTERMINATED_QUOTE, start, shown, shown.length, how, quoteField);
  }

  /** Skips the rest of an over-long line, keeping only its first bytes to show. */
  private Raw tooLong(long start, int len, int field, int newlines) throws IOException {
    byte[] shown = Arrays.copyOf(rec, Math.min(len, SHOWN_BYTES));
    skipLine();
    nextLine = start + newlines + 1;
    return new Raw(Kind.TOO_LONG, start, shown, shown.length, null, field);
  }

  private void skipLine() throws IOException {
    int ch;
    do {
      if (replayPos == replay.length) {
        while (bufPos < bufLen && buf[bufPos] != '\n') {
          bufPos++;
        }
      }
      ch = read();
    } while (ch >= 0 && ch != '\n');
  }

  private int firstLineLength(int firstLineEnd) {
    return firstLineEnd > 0 && rec[firstLineEnd - 1] == '\r' ? firstLineEnd - 1 : firstLineEnd;
  }

  private void skipBom() throws IOException {
    int a = read();
    if (a < 0) {
      return;
    }
    if (a != 0xEF) {
      pushBack(new byte[] {(byte) a}, 0, 1);
      return;
    }
    int b = read();
    int d = b < 0 ? -1 : read();
    if (b == 0xBB && d == 0xBF) {
      return;
    }
    byte[] seen = {(byte) a, (byte) b, (byte) d};
    pushBack(seen, 0, b < 0 ? 1 : d < 0 ? 2 : 3);
  }

  /** Reads rec[from, to) again before anything else. */
  private void giveBack(int from, int to) {
    pushBack(rec, from, to - from);
  }

  private void pushBack(byte[] bytes, int from, int n) {
    int rest = replay.length - replayPos;
    byte[] merged = new byte[n + rest];
    System.arraycopy(bytes, from, merged, 0, n);
    System.arraycopy(replay, replayPos, merged, n, rest);
    replay = merged;
    replayPos = 0;
  }

  private static byte[] ensure(byte[] buf, int size) {
    if (size <= buf.length) {
      return buf;
    }
    return Arrays.copyOf(buf, Math.max(size, buf.length * 2));
  }
}
