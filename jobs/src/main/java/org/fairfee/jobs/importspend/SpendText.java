package org.fairfee.jobs.importspend;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The text of a published spend file, as physical lines, whatever its encoding. Published files come
 * as UTF-8 (with or without a byte-order mark), as Windows-1252 from older Excel exports, and now and
 * then as UTF-16 ("Unicode text"). Each line is decoded as UTF-8 when its bytes are valid UTF-8 and
 * as Windows-1252 otherwise, so a file that mixes the two (rows pasted from another export) still
 * reads right; the manifest says which encodings were found.
 */
public final class SpendText {

  /** One physical line, without its line end; {@code number} counts from 1. */
  public record Line(long number, String text) {}

  /** The lines, the encoding found, or why the bytes are not text at all (then lines is empty). */
  public record Decoded(List<Line> lines, String encoding, String notText) {}

  static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  private SpendText() {}

  public static Decoded decode(byte[] bytes) {
    if (bytes.length == 0) {
      return new Decoded(List.of(), "none", null);
    }
    if (startsWith(bytes, 0x50, 0x4B, 0x03, 0x04)) {
      return new Decoded(List.of(), null, "the file is an Excel workbook or a zip archive, not CSV text"
          + " (save it as CSV first)");
    }
    if (startsWith(bytes, 0x1F, 0x8B)) {
      return new Decoded(List.of(), null, "the file is gzip-compressed, not CSV text (decompress it first)");
    }
    if (startsWith(bytes, 0xD0, 0xCF, 0x11, 0xE0)) {
      return new Decoded(List.of(), null, "the file is an old Excel (.xls) workbook, not CSV text (save it as CSV first)");
    }
    if (startsWith(bytes, 0xFF, 0xFE)) {
      return split(new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE), "UTF-16LE (with BOM)");
    }
    if (startsWith(bytes, 0xFE, 0xFF)) {
      return split(new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE), "UTF-16BE (with BOM)");
    }
    String utf16 = utf16WithoutBom(bytes);
    if (utf16 != null) {
      return split(new String(bytes, utf16.equals("UTF-16LE") ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE),
          utf16 + " (no BOM)");
    }
    int from = 0;
    boolean bom = false;
    if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
      from = 3;
      bom = true;
    }
    if (hasNul(bytes, from)) {
      return new Decoded(List.of(), null, "the file holds NUL bytes: it is binary, not CSV text");
    }
    CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    CharsetDecoder cp1252 = WINDOWS_1252.newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
    byte sep = lineSeparator(bytes, from);
    List<Line> lines = new ArrayList<>();
    long utf8NonAscii = 0;
    long windows = 0;
    int start = from;
    long number = 1;
    for (int i = from; i <= bytes.length; i++) {
      if (i < bytes.length && bytes[i] != sep) {
        continue;
      }
      int end = i;
      if (sep == '\n' && end > start && bytes[end - 1] == '\r') {
        end--;
      }
      if (i == bytes.length && end == start) {
        break; // the file ends with a line end: no empty last line
      }
      boolean ascii = true;
      for (int k = start; k < end && ascii; k++) {
        ascii = bytes[k] >= 0;
      }
      String text;
      if (ascii) {
        text = new String(bytes, start, end - start, StandardCharsets.US_ASCII);
      } else {
        try {
          text = strict.decode(ByteBuffer.wrap(bytes, start, end - start)).toString();
          utf8NonAscii++;
        } catch (CharacterCodingException e) {
          try {
            text = cp1252.decode(ByteBuffer.wrap(bytes, start, end - start)).toString();
          } catch (CharacterCodingException impossible) {
            throw new IllegalStateException(impossible);
          }
          windows++;
        }
      }
      lines.add(new Line(number++, text));
      start = i + 1;
    }
    String encoding;
    if (windows > 0 && utf8NonAscii > 0) {
      encoding = "mixed: UTF-8" + (bom ? " (with BOM)" : "") + ", and Windows-1252 in " + windows
          + (windows == 1 ? " line" : " lines");
    } else if (windows > 0) {
      encoding = "Windows-1252";
    } else {
      encoding = bom ? "UTF-8 (with BOM)" : "UTF-8";
    }
    return new Decoded(lines, encoding, null);
  }

  private static Decoded split(String text, String encoding) {
    if (text.indexOf('\0') >= 0) {
      return new Decoded(List.of(), null, "the file holds NUL characters: it is binary, not CSV text");
    }
    if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
      text = text.substring(1);
    }
    List<Line> lines = new ArrayList<>();
    char sep = text.indexOf('\n') < 0 && text.indexOf('\r') >= 0 ? '\r' : '\n';
    int start = 0;
    long number = 1;
    for (int i = 0; i <= text.length(); i++) {
      if (i < text.length() && text.charAt(i) != sep) {
        continue;
      }
      int end = i;
      if (sep == '\n' && end > start && text.charAt(end - 1) == '\r') {
        end--;
      }
      if (i == text.length() && end == start) {
        break;
      }
      lines.add(new Line(number++, text.substring(start, end)));
      start = i + 1;
    }
    return new Decoded(lines, encoding, null);
  }

  /** LF, or CR for the old Mac line ends (a file with CRs and no LF at all). */
  private static byte lineSeparator(byte[] bytes, int from) {
    boolean cr = false;
    for (int i = from; i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        return '\n';
      }
      cr |= bytes[i] == '\r';
    }
    return cr ? (byte) '\r' : (byte) '\n';
  }

  /** "UTF-16LE" or "UTF-16BE" when most of the first bytes alternate with NUL as UTF-16 text does. */
  private static String utf16WithoutBom(byte[] bytes) {
    int n = Math.min(bytes.length, 512) & ~1;
    if (n < 4) {
      return null;
    }
    int evenNul = 0;
    int oddNul = 0;
    for (int i = 0; i < n; i += 2) {
      evenNul += bytes[i] == 0 ? 1 : 0;
      oddNul += bytes[i + 1] == 0 ? 1 : 0;
    }
    int pairs = n / 2;
    if (oddNul * 10 >= pairs * 9 && evenNul == 0) {
      return "UTF-16LE";
    }
    if (evenNul * 10 >= pairs * 9 && oddNul == 0) {
      return "UTF-16BE";
    }
    return null;
  }

  private static boolean hasNul(byte[] bytes, int from) {
    int n = Math.min(bytes.length, from + 65536);
    for (int i = from; i < n; i++) {
      if (bytes[i] == 0) {
        return true;
      }
    }
    return false;
  }

  private static boolean startsWith(byte[] bytes, int... prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((bytes[i] & 0xff) != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
