package org.fairfee.jobs.importspend;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Text folding for matching what people type differently: supplier and buyer names ("Softcat Ltd",
 * "SOFTCAT LIMITED", "Softcat Ltd (02174990)" are one supplier), header names and keywords.
 */
public final class Names {
  private Names() {}

  private static final Set<String> LEGAL_FORMS = Set.of("ltd", "limited", "plc", "llp");
  private static final Pattern COMPANY_NUMBER = Pattern.compile("[0-9]{6,8}|(sc|ni|oc|so|nc|fc|r)[0-9]{6}");
  private static final Set<String> NUMBER_WORDS = Set.of("company", "co", "reg", "registration", "registered",
      "no", "number", "crn");
  private static final Pattern NON_ALNUM = Pattern.compile("[^a-z0-9]+");
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");

  /**
   * Lower case, accents dropped, {@code &} read as "and", every other run of punctuation or space
   * one space, and runs of single letters joined ("I.C.T" and "I C T" are "ict"). Empty for null.
   */
  public static String fold(String text) {
    if (text == null) {
      return "";
    }
    String s = Normalizer.normalize(text, Normalizer.Form.NFKD);
    s = MARKS.matcher(s).replaceAll("").toLowerCase(Locale.ROOT).replace("&", " and ").replace("'", "");
    s = NON_ALNUM.matcher(s).replaceAll(" ").trim();
    if (s.isEmpty()) {
      return s;
    }
    List<String> out = new ArrayList<>();
    StringBuilder letters = new StringBuilder();
    for (String w : s.split(" ")) {
      if (w.length() == 1 && Character.isLetter(w.charAt(0))) {
        letters.append(w);
        continue;
      }
      if (letters.length() > 0) {
        out.add(letters.toString());
        letters.setLength(0);
      }
      out.add(w);
    }
    if (letters.length() > 0) {
      out.add(letters.toString());
    }
    return String.join(" ", out);
  }

  /**
   * A supplier's or buyer's name as one key: folded, legal forms (Ltd, Limited, PLC, LLP) dropped
   * wherever they stand, and a trailing company number ("01234567", "SC123456", "Company No 1234567")
   * dropped. Empty when nothing is left.
   */
  public static String organisation(String name) {
    List<String> words = new ArrayList<>(Arrays.asList(fold(name).split(" ")));
    words.removeIf(w -> w.isEmpty() || LEGAL_FORMS.contains(w));
    if (!words.isEmpty() && COMPANY_NUMBER.matcher(words.get(words.size() - 1)).matches() && words.size() > 1) {
      words.remove(words.size() - 1);
      while (words.size() > 1 && NUMBER_WORDS.contains(words.get(words.size() - 1))) {
        words.remove(words.size() - 1);
      }
      words.removeIf(LEGAL_FORMS::contains);
    }
    return String.join(" ", words);
  }

  /** True when {@code key} (already folded) is the whole of {@code folded} or its first words. */
  static boolean startsWithWords(String folded, String key) {
    return folded.equals(key) || folded.startsWith(key + " ");
  }

  /**
   * Where {@code keyword} (already folded) first occurs in {@code folded} as whole words, allowing a
   * plural s or es on its last word; -1 when it does not.
   */
  static int indexOfWords(String folded, String keyword) {
    if (keyword.isEmpty() || folded.isEmpty()) {
      return -1;
    }
    String padded = " " + folded + " ";
    int best = -1;
    for (String form : List.of(keyword, keyword + "s", keyword + "es")) {
      int i = padded.indexOf(" " + form + " ");
      if (i >= 0 && (best < 0 || i < best)) {
        best = i;
      }
    }
    return best;
  }
}
