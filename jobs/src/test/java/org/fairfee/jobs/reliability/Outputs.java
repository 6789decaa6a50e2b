package org.fairfee.jobs.reliability;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** Reading published files the way a person or a spreadsheet would: CSV cells, xlsx XML, HTML tags, references. */
final class Outputs {
  private Outputs() {}

  /** A reference as the contract defines them ([A-Z0-9-]{3,32}), as a whole token. */
  private static final Pattern TOKEN = Pattern.compile("(?<![A-Z0-9-])[A-Z0-9-]{3,32}(?![A-Z0-9-])");

  /** Every reference-shaped token in a text. */
  static Set<String> tokens(String text) {
    Set<String> out = new TreeSet<>();
    Matcher m = TOKEN.matcher(text);
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }

  /** The references among {@code refs} that occur in {@code text} as whole tokens. */
  static Set<String> named(String text, Set<String> refs) {
    Set<String> t = tokens(text);
    t.retainAll(refs);
    return t;
  }

  static String read(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every file under dir whose name ends with suffix, sorted. */
  static List<Path> files(Path dir, String suffix) {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The text of every part of an xlsx (a zip of XML), concatenated: what any reader of the file can see. */
  static String xlsxText(Path p) {
    StringBuilder sb = new StringBuilder();
    try (InputStream in = Files.newInputStream(p); ZipInputStream z = new ZipInputStream(in)) {
      ZipEntry e;
      while ((e = z.getNextEntry()) != null) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        z.transferTo(b);
        sb.append("\n<!-- ").append(e.getName()).append(" -->\n").append(b.toString(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return sb.toString();
  }

  /** Names of the parts of a zip. */
  static List<String> zipEntries(Path p) {
    List<String> out = new ArrayList<>();
    try (InputStream in = Files.newInputStream(p); ZipInputStream z = new ZipInputStream(in)) {
      ZipEntry e;
      while ((e = z.getNextEntry()) != null) {
        out.add(e.getName());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /**
   * A strict RFC 4180 reader: rows of cells; a quote inside an unquoted cell or text after a
   * closing quote is an error, so a malformed output fails the test instead of being guessed at.
   */
  static List<List<String>> csv(String text) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    int i = 0;
    int n = text.length();
    boolean quoted = false;
    boolean atStart = true;
    while (i < n) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < n && text.charAt(i + 1) == '"') {
            cell.append('"');
            i += 2;
            continue;
          }
          quoted = false;
          i++;
          if (i < n && text.charAt(i) != ',' && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
            throw new IllegalArgumentException("text after a closing quote at offset " + i);
          }
          continue;
        }
        cell.append(c);
        i++;
        continue;
      }
      if (c == '"') {
        if (!atStart) {
          throw new IllegalArgumentException("a quote inside an unquoted cell at offset " + i);
        }
        quoted = true;
        atStart = false;
        i++;
      } else if (c == ',') {
        row.add(cell.toString());
        cell.setLength(0);
        atStart = true;
        i++;
      } else if (c == '\n' || c == '\r') {
        row.add(cell.toString());
        cell.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
        atStart = true;
        i += c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n' ? 2 : 1;
      } else {
        cell.append(c);
        atStart = false;
        i++;
      }
    }
    if (quoted) {
      throw new IllegalArgumentException("a quoted cell never closed");
    }
    if (!atStart || cell.length() > 0 || !row.isEmpty()) {
      row.add(cell.toString());
      rows.add(row);
    }
    return rows;
  }

  /** The rows of a CSV file as maps from header to cell. */
  static List<java.util.Map<String, String>> csvRecords(Path p) {
    List<List<String>> rows = csv(read(p));
    List<String> header = rows.get(0);
    List<java.util.Map<String, String>> out = new ArrayList<>();
    for (List<String> r : rows.subList(1, rows.size())) {
      if (r.size() != header.size()) {
        throw new IllegalArgumentException(p + ": a row has " + r.size() + " cells, the header " + header.size());
      }
      java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
      for (int i = 0; i < header.size(); i++) {
        m.put(header.get(i), r.get(i));
      }
      out.add(m);
    }
    return out;
  }
}
