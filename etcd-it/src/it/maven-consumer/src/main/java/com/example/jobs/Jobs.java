package com.example.jobs;

import io.etcdv2.api.EtcdResponse;
import io.etcdv2.api.KeysResult;

/** Code that calls the generated client, so the build fails when JobsClient is not generated. */
public final class Jobs {
  private Jobs() {}

  public static void main(String[] args) {
    try (JobsClient jobs = JobsClient.builder().host("http://127.0.0.1:2379").ttl(60).build()) {
      EtcdResponse<KeysResult> queued = jobs.enqueue("/mail", "{\"to\":\"a@example.com\"}");
      System.out.println(queued.status());
      jobs.cancel("/mail/1");
      jobs.set("/jobs/last", queued.status());
    }
  }
}
