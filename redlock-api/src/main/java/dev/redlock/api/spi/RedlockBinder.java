package dev.redlock.api.spi;

/**
 * Binds a meta bean instance to the runtime that performs its locks. The CDI extension provides the one bean of
 * this type; {@link dev.redlock.api.BeanRedlockBase} receives it through an initializer method.
 *
 * <p>Implementations are thread-safe.
 *
 * @since 0.1
 */
public interface RedlockBinder {

    /**
     * Returns the binding of the meta bean whose instance has this class.
     *
     * @param beanClass the runtime class of the bean instance (a container subclass is allowed: the binder looks up
     *                  to the class annotated {@link dev.redlock.api.Meta @Meta})
     * @return the binding; never {@code null}
     * @throws IllegalArgumentException if no meta bean of that class was discovered
     */
    MetaBinding bind(Class<?> beanClass);
}
