package org.fairfee.jobs.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Serializable;
import java.util.Iterator;
import java.util.Map;

/**
 * Every setting of a run, with its default, in one immutable value. A config file (JSON) overrides
 * any subset; an unknown key is an error that names it, so a typo never silently falls back to a
 * default. Each step has its own section record holding its keys and defaults together.
 */
public record Options(IngestOptions ingest, BandOptions bands, FlagOptions flags, FeeOptions fees,
    SpendOptions spend)
    implements Serializable {

  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
      .enable(SerializationFeature.INDENT_OUTPUT)
      // 1000.00 stays 1000.00 in the manifest, not 1E+3.
      .configure(com.fasterxml.jackson.databind.cfg.JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

  public Options {
    ingest = ingest == null ? IngestOptions.defaults() : ingest;
    bands = bands == null ? BandOptions.defaults() : bands;
    flags = flags == null ? FlagOptions.defaults() : flags;
    fees = fees == null ? FeeOptions.defaults() : fees;
    spend = spend == null ? SpendOptions.defaults() : spend;
  }

  public static Options defaults() {
    return new Options(IngestOptions.defaults(), BandOptions.defaults(), FlagOptions.defaults(),
        FeeOptions.defaults(), SpendOptions.defaults());
  }

  /** The defaults with the given JSON laid over them; throws IllegalArgumentException naming a bad key. */
  public static Options fromJson(String json) {
    try {
      JsonNode user = JSON.readTree(json);
      if (user == null || !user.isObject()) {
        throw new IllegalArgumentException("the config must be a JSON object");
      }
      ObjectNode merged = (ObjectNode) JSON.valueToTree(defaults());
      overlay(merged, (ObjectNode) user, "");
      return JSON.treeToValue(merged, Options.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("the config is not valid: " + e.getOriginalMessage());
    } catch (IllegalArgumentException e) {
      throw e;
    }
  }

  private static void overlay(ObjectNode base, ObjectNode user, String prefix) {
    Iterator<Map.Entry<String, JsonNode>> it = user.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      String key = prefix + e.getKey();
      if (!base.has(e.getKey())) {
        throw new IllegalArgumentException("unknown config key '" + key + "'");
      }
      JsonNode b = base.get(e.getKey());
      // Sections (the top level) are merged key by key; a key's value (a number, a table) is replaced whole.
      if (prefix.isEmpty() && b != null && b.isObject() && e.getValue().isObject()) {
        overlay((ObjectNode) b, (ObjectNode) e.getValue(), key + ".");
      } else {
        base.set(e.getKey(), e.getValue());
      }
    }
  }

  /** The effective config as JSON, keys sorted, for the manifest. */
  public JsonNode toJson() {
    return JSON.valueToTree(this);
  }
}
