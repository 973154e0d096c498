package test;

import io.etcdv2.api.EtcdCall;
import io.etcdv2.api.EtcdResponse;
import io.etcdv2.api.KeysResult;
import io.etcdv2.api.Member;
import io.etcdv2.api.PeerUrls;

/** Calls the generated request builders by the names a user sees. */
final class RequestBuildersUsage {
  private RequestBuildersUsage() {}

  static EtcdResponse<KeysResult> read(RequestBuildersClient client) {
    return client.requests().read("/k")
        .noValue(true)
        .timeout_(7)
        .call_("c")
        .runtime_(2)
        .timeout(5)
        .send();
  }

  static EtcdCall<KeysResult> readSorted(RequestBuildersClient client) {
    return client.requests().read2("/k").sorted(true).call();
  }

  static EtcdResponse<Member> putMember(RequestBuildersClient client, PeerUrls body) {
    return client.requests().putMember("m1", body).timeout(0).send();
  }
}
