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
 * large file. So this class never holds more than {@code maxRowBytes} of one record: a record that
 * grows past the limit outside quotes is skipped to the end of its line ({@link Kind#TOO_LONG}); one
 * that grows past it inside a quote, or reaches the end of the file inside a quote, gives up only its
 * first physical line ({@link Kind#UNTERMINATED_QUOTE}) and splitting resumes on the next line.
 *
 * <p>It also checks quote placement, which parsers tend to forgive: a quote may open only at the
 * start of a field, and a closing quote must be followed by a comma or the end of the record.
 */
public final class RecordSplitter {

  /** What kind of record was cut out of the stream. */
  public enum Kind { OK, TOO_LONG, UNTERMINATED_QUOTE }

  /**
   * One record: its bytes without the line terminator, the physical line it starts on (1-based),
   * and, for an OK record, a quote-placement problem if there is one (else null).
   */
  public record Raw(Kind kind, long startLine, byte[] bytes, int length, String quoteProblem) {
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

  /** How many bytes of a too-long record are kept to show in quarantine. */
  static final int SHOWN_BYTES = 1024;

  private final InputStream in;
  private final int maxRowBytes;

  // Bytes pushed back after an unterminated quote, read before the stream.
  private byte[] pending = new byte[0];
  private int pendingPos;
  private long pendingStartLine;

  private final byte[] readBuf = new byte[64 * 1024];
  private int readPos;
  private int readLen;
  private boolean eof;

  private byte[] rec;
  private long nextLine = 1;
  private boolean firstByte = true;

  public RecordSplitter(InputStream in, int maxRowBytes) {
    if (maxRowBytes < 16) {
      throw new IllegalArgumentException("maxRowBytes must be at least 16, was " + maxRowBytes);
    }
    this.in = in;
    this.maxRowBytes = maxRowBytes;
    this.rec = new byte[Math.min(maxRowBytes, 8192)];
  }

  private int read() throws IOException {
    if (pendingPos < pending.length) {
      return pending[pendingPos++] & 0xff;
    }
    if (readPos < readLen) {
      return readBuf[readPos++] & 0xff;
    }
    if (eof) {
      return -1;
    }
    readLen = in.read(readBuf, 0, readBuf.length);
    readPos = 0;
    if (readLen <= 0) {
      eof = true;
      readLen = 0;
      return -1;
    }
    return readBuf[readPos++] & 0xff;
  }

  /** The next record, or null at the end of the stream. A UTF-8 byte-order mark at the start is skipped. */
  public Raw next() throws IOException {
    if (firstByte) {
      firstByte = false;
      skipBom();
    }
    int len = 0;
    long start = nextLine;
    boolean inQuote = false;
    boolean fieldStart = true;
    boolean afterClosingQuote = false;
    String problem = null;
    long newlinesInside = 0;
    int firstLineEnd = -1;
    int c = read();
    if (c < 0) {
      return null;
    }
    while (true) {
      if (c < 0) {
        if (inQuote) {
          return unterminated(start, len, firstLineEnd, newlinesInside, true);
        }
        nextLine = start + newlinesInside + 1;
        return ok(start, len, problem);
      }
      if (c == '\n' && !inQuote) {
        nextLine = start + newlinesInside + 1;
        if (len > 0 && rec[len - 1] == '\r') {
          len--;
        }
        return ok(start, len, problem);
      }
      if (len >= maxRowBytes) {
        if (inQuote) {
          rec = ensure(rec, len + 1);
          rec[len++] = (byte) c;
          return unterminated(start, len, firstLineEnd, newlinesInside, false);
        }
        return tooLong(start, len, c);
      }
      rec = ensure(rec, len + 1);
      rec[len++] = (byte) c;
      if (c == '\n') {
        newlinesInside++;
        if (firstLineEnd < 0) {
          firstLineEnd = len - 1;
        }
      }
      if (c == '"') {
        if (inQuote) {
          inQuote = false;
          afterClosingQuote = true;
        } else if (afterClosingQuote) {
          // "" inside a quoted field: an escaped quote, the field goes on.
          inQuote = true;
          afterClosingQuote = false;
        } else if (fieldStart) {
          inQuote = true;
        } else if (problem == null) {
          problem = "a quote inside an unquoted field (quote the whole field and double the quote)";
        }
        fieldStart = false;
      } else if (!inQuote) {
        if (c == ',') {
          fieldStart = true;
          afterClosingQuote = false;
        } else {
          if (afterClosingQuote && c != '\r' && problem == null) {
            problem = "text after a closing quote (a quote inside a field must be doubled)";
          }
          fieldStart = false;
          afterClosingQuote = false;
        }
      }
      c = read();
    }
  }

  private void skipBom() throws IOException {
    int a = read();
    if (a < 0) {
      return;
    }
    if (a == 0xEF) {
      int b = read();
      int d = b < 0 ? -1 : read();
      if (b == 0xBB && d == 0xBF) {
        return;
      }
      pushBack(d < 0 ? (b < 0 ? new byte[] {(byte) a} : new byte[] {(byte) a, (byte) b})
          : new byte[] {(byte) a, (byte) b, (byte) d}, nextLine);
      return;
    }
    pushBack(new byte[] {(byte) a}, nextLine);
  }

  private void pushBack(byte[] bytes, long startLine) {
    byte[] rest = Arrays.copyOfRange(pending, pendingPos, pending.length);
    byte[] merged = new byte[bytes.length + rest.length];
    System.arraycopy(bytes, 0, merged, 0, bytes.length);
    System.arraycopy(rest, 0, merged, bytes.length, rest.length);
    pending = merged;
    pendingPos = 0;
    pendingStartLine = startLine;
  }

  private Raw ok(long start, int len, String problem) {
    return new Raw(Kind.OK, start, rec, len, problem);
  }

  /** Skips the rest of an over-long line, keeping only its first bytes to show. */
  private Raw tooLong(long start, int len, int c) throws IOException {
    byte[] shown = Arrays.copyOf(rec, Math.min(len, SHOWN_BYTES));
    int ch = c;
    while (ch >= 0 && ch != '\n') {
      ch = read();
    }
    nextLine = start + 1;
    return new Raw(Kind.TOO_LONG, start, shown, shown.length, null);
  }

  /**
   * A quote opened in this record and did not close within the limit or before the end of the
   * file. The record's first physical line is given up; the bytes after it are read again as new
   * records, so the rows that the open quote would have swallowed are still seen.
   */
  private Raw unterminated(long start, int len, int firstLineEnd, long newlinesInside, boolean atEof) {
    int cut = firstLineEnd >= 0 ? firstLineEnd : len;
    byte[] first = Arrays.copyOf(rec, cut);
    int firstLen = cut > 0 && first[cut - 1] == '\r' ? cut - 1 : cut;
    if (firstLineEnd >= 0) {
      pushBack(Arrays.copyOfRange(rec, firstLineEnd + 1, len), start + 1);
      nextLine = start + 1;
    } else {
      nextLine = start + newlinesInside + 1;
      if (!atEof) {
        // One physical line longer than the limit, inside a quote: skip to the line's end.
        try {
          int ch;
          do {
            ch = read();
          } while (ch >= 0 && ch != '\n');
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
        nextLine = start + 1;
      }
    }
    byte[] shown = Arrays.copyOf(first, Math.min(firstLen, SHOWN_BYTES));
    return new Raw(Kind.UNTERMINATED_QUOTE, start, shown, shown.length, null);
  }

  private static byte[] ensure(byte[] buf, int size) {
    if (size <= buf.length) {
      return buf;
    }
    return Arrays.copyOf(buf, Math.max(size, buf.length * 2));
  }

  long pendingStartLine() {
    return pendingStartLine;
  }
}
