package test;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;

/** An annotation of the user's that no processor reads: javac must still say so. */
@Retention(RetentionPolicy.RUNTIME)
public @interface Audited {}
