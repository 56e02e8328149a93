package dev.redlock.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.util.HashMap;
import java.util.Map;

import javax.tools.JavaFileObject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.CompilationSubject;

import dev.redlock.api.RedlockResource;
import dev.redlock.api.ResourceArguments;

/** The generated classes, compiled and loaded: values, and the argument checks of the template factories. */
final class TemplateArgumentsTest {

    private static ClassLoader generated;

    @BeforeAll
    static void compileAndLoad() {
        Compilation c = Samples.javac().compile(Samples.twoModules());
        CompilationSubject.assertThat(c).succeededWithoutWarnings();
        Map<String, byte[]> classes = new HashMap<>();
        for (JavaFileObject f : c.generatedFiles()) {
            String uri = f.toUri().toString();
            if (f.getKind() == JavaFileObject.Kind.CLASS) {
                String name = uri.substring(uri.indexOf("CLASS_OUTPUT/") + "CLASS_OUTPUT/".length(),
                        uri.length() - ".class".length()).replace('/', '.');
                try (InputStream in = f.openInputStream()) {
                    classes.put(name, in.readAllBytes());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        generated = new ClassLoader(TemplateArgumentsTest.class.getClassLoader()) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                byte[] bytes = classes.get(name);
                if (bytes == null) {
                    throw new ClassNotFoundException(name);
                }
                return defineClass(name, bytes, 0, bytes.length);
            }
        };
    }

    private static Object call(String type, String factory, String... args) throws Throwable {
        Class<?>[] params = new Class<?>[args.length];
        java.util.Arrays.fill(params, String.class);
        try {
            return generated.loadClass(type).getMethod(factory, params).invoke(null, (Object[]) args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static RedlockResource constant(String type, String name) throws Exception {
        return (RedlockResource) generated.loadClass(type).getField(name).get(null);
    }

    @Test
    void factory_fillsTheTemplate() throws Throwable {
        RedlockResource user = (RedlockResource) call("com.example.student.MetaRedlock_$Isolate", "user", "42");
        assertThat(user.resource()).isEqualTo("user-42");
        assertThat(user.template()).isEqualTo("user-{userId}");
        assertThat(user).hasToString("MetaRedlock_.Isolate[user-42]")
                .isEqualTo(call("com.example.student.MetaRedlock_$Isolate", "user", "42"))
                .hasSameHashCodeAs(call("com.example.student.MetaRedlock_$Isolate", "user", "42"))
                .isNotEqualTo(call("com.example.student.MetaRedlock_$Isolate", "user", "43"));
        RedlockResource order = (RedlockResource) call("com.example.student.MetaRedlock_$Isolate", "order", "s-1",
                "7");
        assertThat(order.resource()).isEqualTo("order-s-1-7");
        RedlockResource course = (RedlockResource) call("com.example.teacher.MetaRedlock_$Isolate", "course", "t",
                "c");
        assertThat(course.resource()).isEqualTo("t:course-c");
    }

    @Test
    void constants_areValuesOfTheirOwnKind() throws Exception {
        RedlockResource lockName = constant("com.example.student.MetaRedlock_$Lock", "NAME");
        RedlockResource isolateName = constant("com.example.student.MetaRedlock_$Isolate", "NAME");
        assertThat(lockName.resource()).isEqualTo("name");
        assertThat(lockName.template()).isEqualTo("name");
        assertThat(lockName).isNotEqualTo(isolateName);
        assertThat(constant("com.example.student.MetaRedlock_$Isolate", "USER_NAME").resource())
                .isEqualTo("user.name");
    }

    @Test
    void emptyList_isATypeWithoutValues() throws Exception {
        Class<?> lock = generated.loadClass("com.example.teacher.MetaRedlock_$Lock");
        assertThat(lock.isEnum()).isTrue();
        assertThat(lock.getEnumConstants()).isEmpty();
        assertThat(RedlockResource.class).isAssignableFrom(lock);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "NULL | must not be null",
            "'' | must not be empty",
            "a\u0001b | must not contain control characters, found U+0001 at index 1",
            "tab\there | must not contain control characters, found U+0009",
            "del\u007f | must not contain control characters, found U+007F",
            "a{b} | must not contain '{'"})
    void badArgument_isRejectedNamingThePlaceholder(String value, String reason) {
        assertThatThrownBy(() -> call("com.example.student.MetaRedlock_$Isolate", "user", value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("resource template 'user-{userId}': placeholder {userId} " + reason);
    }

    @Test
    void tooLongArgument_isRejectedNamingThePlaceholder() throws Throwable {
        String max = "x".repeat(ResourceArguments.MAX_LENGTH);
        assertThat(((RedlockResource) call("com.example.student.MetaRedlock_$Isolate", "user", max)).resource())
                .hasSize(ResourceArguments.MAX_LENGTH + "user-".length());
        assertThatThrownBy(() -> call("com.example.student.MetaRedlock_$Isolate", "user", max + "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("placeholder {userId} must be at most 256 characters, was 257");
    }

    @Test
    void eachArgumentIsChecked_andTheMessageNamesWhichOne() {
        assertThatThrownBy(() -> call("com.example.student.MetaRedlock_$Isolate", "order", "shop", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("resource template 'order-{shop}-{id}': placeholder {id} must not be null");
        assertThatThrownBy(() -> call("com.example.student.MetaRedlock_$Isolate", "order", "", "7"))
                .hasMessageContaining("placeholder {shop} must not be empty");
    }
}
