package dev.redlock.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.redlock.api.spi.MetaBinding;

/** The overloads route to the binding; without one the bean fails with a message that names the fix. */
final class BeanRedlockBaseTest {

    record Res(String resource) implements RedlockResource {
        @Override
        public String template() {
            return resource;
        }
    }

    static final class MetaTest extends BeanRedlockBase<Res, Res> {
    }

    /** Records the calls and runs the function, as the real runtime does around the lock. */
    static final class RecordingBinding implements MetaBinding {
        final List<String> calls = new ArrayList<>();

        @Override
        public <T, E extends Exception> T lock(RedlockResource resource, LockOptions options, LockedFunction<T, E> fn)
                throws E {
            calls.add("lock " + resource.resource());
            return fn.apply(null);
        }

        @Override
        public <T, E extends Exception> T lockIsolate(RedlockResource resource, IsolateOptions options,
                LockedFunction<T, E> fn) throws E {
            calls.add("isolate " + resource.resource() + " " + options.datasource());
            return fn.apply(null);
        }
    }

    @Test
    void unbound_failsWithTheFix() {
        MetaTest bean = new MetaTest();
        assertThatThrownBy(() -> bean.lock(new Res("name"), () -> "x")).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith(MetaTest.class.getName() + " is not bound")
                .hasMessageContaining("dev.redlock:redlock-cdi");
    }

    @Test
    void overloads_routeToTheBinding_andPassResultsAndExceptionsThrough() throws IOException {
        RecordingBinding binding = new RecordingBinding();
        MetaTest bean = new MetaTest();
        bean.bindRedlock(c -> {
            assertThat(c).isEqualTo(MetaTest.class);
            return binding;
        });
        List<String> ran = new ArrayList<>();

        assertThat(bean.lock(new Res("a"), () -> "some result")).isEqualTo("some result");
        bean.lock(new Res("b"), () -> {
            ran.add("b");
        });
        Integer c = bean.lock(new Res("c"), LockOptions.defaults(), session -> 3);
        Integer d = bean.lockIsolate(new Res("d"), () -> 4);
        assertThat(c).isEqualTo(3);
        assertThat(d).isEqualTo(4);
        bean.lockIsolate(new Res("e"), () -> {
            ran.add("e");
        });
        bean.lockIsolate(new Res("f"), IsolateOptions.defaults().withDatasource("ds"), session -> null);
        assertThatThrownBy(() -> bean.lock(new Res("g"), () -> {
            throw new IOException("checked");
        })).isInstanceOf(IOException.class).hasMessage("checked");

        assertThat(ran).containsExactly("b", "e");
        assertThat(binding.calls).containsExactly("lock a", "lock b", "lock c", "isolate d null", "isolate e null",
                "isolate f ds", "lock g");
    }

    @Test
    void nullArguments_areRejectedBeforeTheBinding() {
        MetaTest bean = new MetaTest();
        bean.bindRedlock(c -> new RecordingBinding());
        assertThatThrownBy(() -> bean.lock(null, () -> "x")).isInstanceOf(NullPointerException.class)
                .hasMessage("resource");
        assertThatThrownBy(() -> bean.lock(new Res("a"), (LockedSupplier<String, RuntimeException>) null))
                .isInstanceOf(NullPointerException.class).hasMessage("fn");
        assertThatThrownBy(() -> bean.lockIsolate(new Res("a"), null, s -> 1))
                .isInstanceOf(NullPointerException.class).hasMessage("options");
    }
}
