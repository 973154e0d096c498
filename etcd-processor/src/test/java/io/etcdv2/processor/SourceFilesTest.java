package io.etcdv2.processor;

import static com.google.common.truth.Truth.assertThat;

import org.junit.jupiter.api.Test;

/** The one finishing touch on generated sources: one-line Javadoc on one line, when it fits. */
class SourceFilesTest {
  @Test
  void putsAOneLineJavadocOnOneLine() {
    String source = "class A {\n  /**\n   * Sends {@code x}.\n   */\n  void x() {}\n}\n";

    assertThat(SourceFiles.compact(source))
        .isEqualTo("class A {\n  /** Sends {@code x}. */\n  void x() {}\n}\n");
  }

  @Test
  void keepsJavadocOfSeveralLines() {
    String source =
        "class A {\n  /**\n   * One.\n   *\n   * @param x two\n   */\n  void x() {}\n}\n";

    assertThat(SourceFiles.compact(source)).isEqualTo(source);
  }

  @Test
  void keepsAJavadocThatWouldPassOneHundredColumns() {
    String text = "x".repeat(90);
    String source = "class A {\n    /**\n     * " + text + "\n     */\n    void x() {}\n}\n";

    // "    /** " + 90 + " */" is 101 columns.
    assertThat(SourceFiles.compact(source)).isEqualTo(source);
    String shorter = source.replace(text, text.substring(1));
    assertThat(SourceFiles.compact(shorter)).contains("    /** " + text.substring(1) + " */\n");
  }

  @Test
  void leavesOtherCommentsAndCodeAlone() {
    String source = "class A {\n  /*\n   * Not Javadoc.\n   */\n  String s = \"/**\";\n}\n";

    assertThat(SourceFiles.compact(source)).isEqualTo(source);
  }
}
