package io.etcdv2.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineTestKit;

/** FakeEtcd registered as a JUnit 5 extension closes itself when its owner is done. */
class FakeEtcdExtensionTest {
  static final List<String> urls = new ArrayList<>();

  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class StaticField {
    @RegisterExtension static FakeEtcd fake = FakeEtcd.start();

    @Test
    @Order(1)
    void writes() {
      urls.add(fake.url());
      assertEquals(201, fake.client().set("/shared", "1").status());
    }

    @Nested
    class Inner {
      @Test
      void seesTheSameFake() {
        assertEquals(200, fake.client().get("/shared").status());
      }
    }

    @Test
    @Order(2)
    void stillOpenAfterANestedClass() {
      assertEquals(200, fake.client().get("/shared").status());
    }
  }

  static class InstanceField {
    @RegisterExtension FakeEtcd fake = FakeEtcd.start();

    @Test
    void one() {
      urls.add(fake.url());
    }

    @Test
    void two() {
      urls.add(fake.url());
    }
  }

  @Test
  void staticFieldLivesForTheClass() {
    urls.clear();
    EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(StaticField.class))
        .execute()
        .testEvents()
        .assertStatistics(stats -> stats.succeeded(3).failed(0));
    assertFalse(Probe.answers(urls.get(0), Duration.ofMillis(500)), "closed after the class");
  }

  @Test
  void instanceFieldLivesForOneTest() {
    urls.clear();
    EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(InstanceField.class))
        .execute()
        .testEvents()
        .assertStatistics(stats -> stats.succeeded(2).failed(0));
    assertEquals(2, urls.size());
    for (String url : urls) assertFalse(Probe.answers(url, Duration.ofMillis(500)), url);
    assertTrue(!urls.get(0).equals(urls.get(1)), "a fake per test");
  }
}
