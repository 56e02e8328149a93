/**
 * The annotation processor of Redlock for Jakarta CDI and its scaffolding command. Not API: only
 * {@link dev.redlock.processor.RedlockProcessor} (which javac finds through {@code META-INF/services}) and
 * {@link dev.redlock.processor.Scaffold} (a command) are public; everything else may change without notice.
 *
 * <p>The processor is a compile-time tool; never put this jar on an application's run-time class path.
 */
@NullMarked
package dev.redlock.processor;

import org.jspecify.annotations.NullMarked;
