package io.etcdv2.api;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.lang.reflect.Type;

/**
 * Turns the values that conveniences store into etcd's text and back.
 *
 * <p>{@link #JSON}, the default, follows lua-resty-etcd: a value is stored as its JSON text, so
 * {@code set(k, "abc")} stores {@code "abc"} with the quotes, and maps, lists, numbers, booleans
 * and plain Java objects go through Moshi. Text that is not JSON, such as a value written by {@code
 * etcdctl}, reads as null without failing, and its raw text stays in {@link Node#rawValue()}.
 * {@link #RAW} stores and reads strings unchanged.
 */
public abstract class ValueSerializer {
  /** JSON through a default {@link Moshi}. */
  public static final ValueSerializer JSON = json(new Moshi.Builder().build());

  /** Strings stored and read as they are; any other value is rejected. */
  public static final ValueSerializer RAW = new Raw();

  /** JSON through {@code moshi}, for values that need adapters of their own. */
  public static ValueSerializer json(Moshi moshi) {
    if (moshi == null) throw new NullPointerException("moshi == null");
    return new Json(moshi);
  }

  /**
   * The text to store for {@code value}.
   *
   * @param argument the caller's argument name, for the error message
   * @throws IllegalArgumentException if this serializer cannot encode {@code value}
   */
  public abstract String encode(Object value, String argument);

  /** The stored text decoded without a target type, or null when it cannot be decoded. */
  public abstract Object decode(String text);

  /**
   * The stored text decoded as {@code type}, or null when the text cannot be decoded at all.
   *
   * @throws RuntimeException if the text decodes but does not fit {@code type}
   */
  public abstract <T> T decode(String text, Type type);

  private static final class Json extends ValueSerializer {
    private final Moshi moshi;
    private final JsonAdapter<Object> anyValue;

    Json(Moshi moshi) {
      this.moshi = moshi;
      this.anyValue = moshi.adapter(Object.class);
    }

    @Override
    public String encode(Object value, String argument) {
      try {
        return anyValue.toJson(value);
      } catch (IllegalArgumentException | JsonDataException e) {
        throw new IllegalArgumentException(
            argument
                + " cannot be encoded as JSON ("
                + e.getMessage()
                + "); pass a String, number,"
                + " boolean, Map, List or an object Moshi can adapt",
            e);
      }
    }

    @Override
    public Object decode(String text) {
      if (text == null) return null;
      try {
        return anyValue.fromJson(text);
      } catch (IOException | JsonDataException notJson) {
        return null;
      }
    }

    @Override
    public <T> T decode(String text, Type type) {
      if (text == null) return null;
      try {
        return moshi.<T>adapter(type).fromJson(text);
      } catch (IOException notJson) {
        return null;
      }
    }

    @Override
    public String toString() {
      return "ValueSerializer.JSON";
    }
  }

  private static final class Raw extends ValueSerializer {
    @Override
    public String encode(Object value, String argument) {
      if (value == null || value instanceof String) return (String) value;
      throw new IllegalArgumentException(
          argument
              + " must be a String with the RAW serializer but was a "
              + value.getClass().getName()
              + "; convert it to text or use ValueSerializer.JSON");
    }

    @Override
    public Object decode(String text) {
      return text;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T decode(String text, Type type) {
      if (type != String.class && type != Object.class && type != CharSequence.class) {
        throw new IllegalArgumentException(
            "the RAW serializer reads values only as String, not as " + type);
      }
      return (T) text;
    }

    @Override
    public String toString() {
      return "ValueSerializer.RAW";
    }
  }
}
