package io.etcdv2.api;

import io.etcdv2.annotation.Convenience;
import retrofit2.http.Body;
import retrofit2.http.DELETE;
import retrofit2.http.GET;
import retrofit2.http.POST;
import retrofit2.http.PUT;
import retrofit2.http.Path;

/** The etcd v2 cluster API: members, machines, health, version and statistics. */
public interface ClusterApi {
  /** {@code GET /version}: the member's and the cluster's versions. */
  @GET("version")
  @Convenience(name = "version", doc = "Gets the etcd version info.")
  EtcdCall<VersionInfo> getVersion();

  /**
   * {@code GET /health}: whether the member has a quorum. etcd sends it as text/plain, so the text
   * is in {@link EtcdResponse#text()} and, on 200, the decoded body in {@link EtcdResponse#body()}.
   * Without a quorum the status is 503, the body null, and the text {@code {"health":"false"}}.
   */
  @GET("health")
  @Convenience(name = "health", doc = "Gets whether the member is healthy, that is, has a quorum.")
  EtcdCall<Health> getHealth();

  /** {@code GET /v2/machines}: the cluster's client URLs, joined by {@code ", "}, as text. */
  @GET("v2/machines")
  @Convenience(name = "machines", doc = "Gets the client URLs of the cluster's members.")
  EtcdCall<String> getMachines();

  /** {@code GET /v2/stats/leader}: the leader's view of its followers. */
  @GET("v2/stats/leader")
  @Convenience(name = "statsLeader", doc = "Gets the leader statistics info.")
  EtcdCall<LeaderStats> getLeaderStats();

  /** {@code GET /v2/stats/self}: this member's statistics. */
  @GET("v2/stats/self")
  @Convenience(name = "statsSelf", doc = "Gets the self statistics info.")
  EtcdCall<SelfStats> getSelfStats();

  /** {@code GET /v2/stats/store}: this member's store counters. */
  @GET("v2/stats/store")
  @Convenience(name = "statsStore", doc = "Gets the store statistics info.")
  EtcdCall<StoreStats> getStoreStats();

  /** {@code GET /v2/members}: every member of the cluster. */
  @GET("v2/members")
  @Convenience(name = "members", doc = "Lists the cluster's members.")
  EtcdCall<MemberList> getMembers();

  /** {@code GET /v2/members/leader}: the current leader; 503 during an election. */
  @GET("v2/members/leader")
  @Convenience(name = "leader", doc = "Gets the member that currently leads the cluster.")
  EtcdCall<Member> getLeader();

  /**
   * {@code POST /v2/members}: announces a new member by its peer URLs (201 with the member, 409 for
   * a peer URL already in use). Start the member afterwards.
   */
  @POST("v2/members")
  @Convenience(
      name = "addMember",
      args = "body",
      doc = "Adds a member to the cluster; start it afterwards with the returned peer URLs.")
  EtcdCall<Member> postMember(@Body PeerUrls body);

  /** {@code PUT /v2/members/ID}: changes a member's peer URLs (204, or 404 for an unknown id). */
  @PUT("v2/members/{id}")
  @Convenience(
      name = "updateMember",
      args = {"id", "body"},
      doc = "Changes the peer URLs of a member.")
  EtcdCall<Void> putMember(@Path("id") String id, @Body PeerUrls body);

  /** {@code DELETE /v2/members/ID}: removes a member (204; 410 once it is gone). */
  @DELETE("v2/members/{id}")
  @Convenience(name = "removeMember", args = "id", doc = "Removes a member from the cluster.")
  EtcdCall<Void> deleteMember(@Path("id") String id);
}
