package org.fairfee.jobs.ingest;

import static org.fairfee.jobs.ingest.IngestTesting.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Record boundaries, line numbers and the row-size limit, with a limit small enough to see. */
class RecordSplitterTest {

  static final int LIMIT = 16;

  /** kind:line:text of every record (text as UTF-8, CR and LF made visible), then !field of a problem. */
  static List<String> split(byte[] bytes, int limit) throws IOException {
    return split(new ByteArrayInputStream(bytes), limit);
  }

  static List<String> split(InputStream in, int limit) throws IOException {
    RecordSplitter s = new RecordSplitter(in, limit);
    List<String> out = new ArrayList<>();
    RecordSplitter.Raw r;
    while ((r = s.next()) != null) {
      String text = new String(r.bytes(), 0, r.length(), StandardCharsets.UTF_8).replace("\r", "\\r").replace("\n", "\\n");
      out.add(r.kind() + ":" + r.startLine() + ":" + text + (r.problemField() < 0 ? "" : " !" + r.problemField()));
    }
    return out;
  }

  static List<String> split(String text) throws IOException {
    return split(utf8(text), LIMIT);
  }

  @Test
  void quotedLineBreaksBelongToTheRecordThatStartsBeforeThem() throws IOException {
    assertEquals(List.of("OK:1:a,\"b\\nc\",d", "OK:3:e"), split("a,\"b\nc\",d\ne\n"));
    assertEquals(List.of("OK:1:a,\"b\\r\\nc\"", "OK:3:e"), split("a,\"b\r\nc\"\r\ne"));
  }

  @Test
  void emptyInputHasNoRecordsAndABlankLineIsAnEmptyRecord() throws IOException {
    assertEquals(List.of(), split(""));
    assertEquals(List.of("OK:1:", "OK:2:"), split("\n\r\n"));
  }

  @Test
  void aByteOrderMarkIsSkippedOnlyWhenComplete() throws IOException {
    assertEquals(List.of("OK:1:a"), split(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a'}, LIMIT));
    RecordSplitter s = new RecordSplitter(new ByteArrayInputStream(new byte[] {(byte) 0xEF, (byte) 0xBB, 'a', '\n'}), LIMIT);
    RecordSplitter.Raw r = s.next();
    assertEquals(3, r.length(), "a broken mark is kept, for the UTF-8 check to find");
    assertEquals(List.of("OK:1:\uFEFF"), split(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, (byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, LIMIT));
  }

  @Test
  void aRowOfExactlyTheLimitFitsWithLfOrCrlf() throws IOException {
    String x = "x".repeat(LIMIT);
    assertEquals(List.of("OK:1:" + x, "OK:2:" + x, "OK:3:" + x, "TOO_LONG:4:" + x + " !0", "OK:5:z"),
        split(x + "\n" + x + "\r\n" + x + "\r\n" + x + "y\r\nz"));
    assertEquals(List.of("OK:1:" + x), split(x + "\r"), "a carriage return at the very end is a line end");
  }

  @Test
  void aTooLongRowIsSkippedToTheEndOfItsLine() throws IOException {
    // The open quote after the limit is skipped with the rest of the line.
    assertEquals(List.of("OK:1:a", "TOO_LONG:2:" + "b".repeat(LIMIT) + " !0", "OK:3:e", "OK:4:c"),
        split("a\n" + "b".repeat(40) + ",\"d\ne\n" + "c\n"));
  }

  @Test
  void aTooLongRowAfterAQuotedLineBreakKeepsTheLineCount() throws IOException {
    // The row starts on line 1, its quoted field ends on line 2, and it grows past the limit there.
    assertEquals(List.of("TOO_LONG:1:\"a\\nb\"," + "x".repeat(LIMIT - 6) + " !1", "OK:3:next"),
        split("\"a\nb\"," + "x".repeat(40) + "\nnext\n"));
  }

  @Test
  void anUnterminatedQuoteGivesUpItsFirstLineAndTheRestIsReadAgain() throws IOException {
    assertEquals(List.of("OK:1:a", "UNTERMINATED_QUOTE:2:b,\"c !1", "OK:3:d", "OK:4:e,f"), split("a\nb,\"c\nd\ne,f"));
    assertEquals(List.of("UNTERMINATED_QUOTE:1:\"a !0", "OK:2:b", "OK:3:c"), split("\"a\r\nb\r\nc\r\n"));
    // The line given up is named by the quote that runs past its end, not by one opened later.
    assertEquals(List.of("UNTERMINATED_QUOTE:1:x,\"a !1", "UNTERMINATED_QUOTE:2:b\",\"c !1", "OK:3:d"), split("x,\"a\nb\",\"c\nd"));
  }

  @Test
  void aQuoteOpenPastTheLimitIsUnterminatedAndTheNextLinesAreRead() throws IOException {
    // Many lines inside the open quote: the window reaches the limit, the first line is given up.
    assertEquals(List.of("UNTERMINATED_QUOTE:1:\"a !0", "OK:2:bbbb", "OK:3:cccc", "OK:4:dddd", "OK:5:eeee", "OK:6:ffff"),
        split("\"a\nbbbb\ncccc\ndddd\neeee\nffff\n"));
    // One physical line longer than the limit inside a quote: skipped to its end.
    assertEquals(List.of("UNTERMINATED_QUOTE:1:\"" + "x".repeat(LIMIT - 1) + " !0", "OK:2:next"),
        split("\"" + "x".repeat(40) + "\nnext\n"));
  }

  @Test
  void anUnterminatedFirstLineOfExactlyTheLimitDoesNotSwallowTheNextLine() throws IOException {
    String first = "\"" + "x".repeat(LIMIT - 1);
    assertEquals(List.of("UNTERMINATED_QUOTE:1:" + first + " !0", "OK:2:next", "OK:3:after"),
        split(first + "\nnext\nafter\n"));
  }

  @Test
  void quotePlacementAndBareCarriageReturnsAreFlaggedWithTheirField() throws IOException {
    assertEquals(List.of("OK:1:a,b\"c !1"), split("a,b\"c"));
    assertEquals(List.of("OK:1:a,\"b\"c !1"), split("a,\"b\"c"));
    assertEquals(List.of("OK:1:a,\"b\"\"c\""), split("a,\"b\"\"c\""));
    assertEquals(List.of("OK:1:a,b\\rc,d !1"), split("a,b\rc,d\n"));
    assertEquals(List.of("OK:1:a,b\\r !1"), split("a,b\r\r\n"));
    assertEquals(List.of("OK:1:\"a\\rb\""), split("\"a\rb\"\n"));
  }

  @Test
  void oneByteAtATimeGivesTheSameRecords() throws IOException {
    String text = "\uFEFFh1,h2\r\n\"a\nb\",c\r\n\"open\nx,y\n" + "z".repeat(40) + "\nlast\r";
    InputStream trickle = new ByteArrayInputStream(utf8(text)) {
      @Override
      public synchronized int read(byte[] b, int off, int len) {
        return super.read(b, off, Math.min(len, 1));
      }
    };
    assertEquals(split(text), split(trickle, LIMIT));
  }

  @Test
  void theLimitMustLeaveRoomForARow() {
    assertThrows(IllegalArgumentException.class, () -> new RecordSplitter(InputStream.nullInputStream(), 15));
  }

  @Test
  void endOfStreamIsSticky() throws IOException {
    RecordSplitter s = new RecordSplitter(new ByteArrayInputStream(utf8("a")), LIMIT);
    assertTrue(s.next() != null);
    assertNull(s.next());
    assertNull(s.next());
  }
}
