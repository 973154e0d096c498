package io.etcdv2.annotation;

/** A stand-in without the real annotation's name member, which the processor cannot read. */
public @interface GenerateClient {}
