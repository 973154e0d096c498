package io.etcdv2.processor;

import com.squareup.javapoet.JavaFile;
import java.io.IOException;
import java.io.Writer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.tools.JavaFileObject;

/**
 * Writes generated files through the {@link Filer}, with one finishing touch JavaPoet lacks: a
 * Javadoc of one line of text is put on one line, as google-java-format does, so that a generated
 * client reads like the hand-written code beside it.
 */
final class SourceFiles {
  private static final int MAX_COLUMNS = 100;

  /** A Javadoc of exactly one text line: indentation, then the text. */
  private static final Pattern ONE_LINE_JAVADOC =
      Pattern.compile("(?m)^( *)/\\*\\*\\n\\1 \\* (\\S[^\\n]*)\\n\\1 \\*/$");

  private SourceFiles() {}

  /** Like {@link JavaFile#writeTo(Filer)}, with the type's originating elements. */
  static void write(JavaFile file, Filer filer) throws IOException {
    String name =
        file.packageName.isEmpty()
            ? file.typeSpec.name
            : file.packageName + "." + file.typeSpec.name;
    JavaFileObject source =
        filer.createSourceFile(name, file.typeSpec.originatingElements.toArray(new Element[0]));
    try (Writer writer = source.openWriter()) {
      writer.write(compact(file.toString()));
    } catch (IOException | RuntimeException e) {
      // Leave no half-written file behind for javac to compile.
      source.delete();
      throw e;
    }
  }

  /** The source with each one-line Javadoc that fits within 100 columns on a single line. */
  static String compact(String source) {
    Matcher javadoc = ONE_LINE_JAVADOC.matcher(source);
    StringBuilder out = new StringBuilder(source.length());
    int end = 0;
    while (javadoc.find()) {
      String oneLine = javadoc.group(1) + "/** " + javadoc.group(2) + " */";
      out.append(source, end, javadoc.start());
      out.append(oneLine.length() <= MAX_COLUMNS ? oneLine : javadoc.group());
      end = javadoc.end();
    }
    return out.append(source, end, source.length()).toString();
  }
}
