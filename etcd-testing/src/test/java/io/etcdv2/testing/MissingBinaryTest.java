package io.etcdv2.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** Without etcd a test class fails, saying how to install it; it is never skipped. */
class MissingBinaryTest {
  static class NeedsAnEtcdThatIsNotThere {
    @RegisterExtension
    static EtcdExtension etcd = EtcdExtension.builder().binary("/nonexistent/etcd").build();

    @Test
    void unreachable() {}
  }

  @Test
  void classFailsWithInstallInstructions() {
    Events containers =
        EngineTestKit.engine("junit-jupiter")
            .selectors(selectClass(NeedsAnEtcdThatIsNotThere.class))
            .execute()
            .containerEvents();
    assertEquals(0, containers.skipped().count());
    List<String> messages =
        containers.failed().stream()
            .map(
                e ->
                    e.getPayload(org.junit.platform.engine.TestExecutionResult.class)
                        .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable)
                        .map(Throwable::getMessage)
                        .orElse(""))
            .collect(Collectors.toList());
    assertEquals(1, messages.size(), messages.toString());
    String message = messages.get(0);
    assertTrue(
        message.startsWith(
            "EtcdExtension.builder().binary(path) is /nonexistent/etcd,"
                + " which is not an executable file."),
        message);
    assertTrue(message.contains("apt-get install -y etcd-server"), message);
    assertTrue(message.contains("https://github.com/etcd-io/etcd/releases"), message);
  }
}
