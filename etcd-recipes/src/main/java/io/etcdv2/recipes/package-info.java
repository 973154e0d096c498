/**
 * Coordination recipes on the generated {@link io.etcdv2.EtcdClient}, in the spirit of Apache
 * Curator's: {@link io.etcdv2.recipes.DistributedLock} (a fair lock with fencing tokens), {@link
 * io.etcdv2.recipes.LeaderElection}, {@link io.etcdv2.recipes.TreeCache} (a local copy of a
 * directory kept current by the continuous watch) and {@link io.etcdv2.recipes.ServiceRegistry}
 * (heartbeating registrations and live discovery).
 *
 * <p>Each recipe uses only the client's public API, retries through member restarts, and releases
 * its threads and keys on {@code close()}. Keys are given as to the client: without the client's
 * prefix, which the recipes add and strip like the client does.
 */
package io.etcdv2.recipes;
