package org.fairfee.jobs.generate;

import java.io.IOException;
import java.io.OutputStream;

/** Encodes text as UTF-8 into a large buffer and writes it in blocks; counts the bytes written. */
final class Utf8Out implements AutoCloseable {
  private final OutputStream out;
  private final byte[] buf = new byte[1 << 17];
  private int n;
  private long count;
  private boolean closed;

  Utf8Out(OutputStream out) {
    this.out = out;
  }

  private char[] chars = new char[1 << 16];

  void write(StringBuilder s) throws IOException {
    int len = s.length();
    if (chars.length < len) {
      chars = new char[len];
    }
    s.getChars(0, len, chars, 0);
    for (int i = 0; i < len; i++) {
      if (n > buf.length - 4) {
        flushBuffer();
      }
      char c = chars[i];
      if (c < 0x80) {
        buf[n++] = (byte) c;
      } else if (c < 0x800) {
        buf[n++] = (byte) (0xC0 | (c >> 6));
        buf[n++] = (byte) (0x80 | (c & 0x3F));
      } else if (Character.isHighSurrogate(c) && i + 1 < len && Character.isLowSurrogate(chars[i + 1])) {
        int cp = Character.toCodePoint(c, chars[++i]);
        buf[n++] = (byte) (0xF0 | (cp >> 18));
        buf[n++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
        buf[n++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
        buf[n++] = (byte) (0x80 | (cp & 0x3F));
      } else {
        buf[n++] = (byte) (0xE0 | (c >> 12));
        buf[n++] = (byte) (0x80 | ((c >> 6) & 0x3F));
        buf[n++] = (byte) (0x80 | (c & 0x3F));
      }
    }
  }

  private void flushBuffer() throws IOException {
    out.write(buf, 0, n);
    count += n;
    n = 0;
  }

  long count() {
    return count + n;
  }

  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      flushBuffer();
    } finally {
      out.close();
    }
  }
}
