/**
 * The annotation processor of Redlock for Jakarta CDI. Not API: only {@link dev.redlock.processor.RedlockProcessor}
 * (which javac finds through {@code META-INF/services}) is public; everything else may change without notice. The
 * scaffolding command is the {@code redlock:create-meta} goal of {@code redlock-maven-plugin}.
 *
 * <p>The processor is a compile-time tool; never put this jar on an application's run-time class path.
 */
@NullMarked
package dev.redlock.processor;

import org.jspecify.annotations.NullMarked;
