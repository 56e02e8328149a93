package dev.redlock.api.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.redlock.api.spi.ResourceDeclaration.Kind;
import dev.redlock.api.spi.ResourceDeclaration.Problem;

/**
 * The grammar and the naming rules of docs/resources.md, row by row. That the processor and the extension apply it
 * alike is proven by redlock-cdi's {@code TemplateTableTest}.
 */
final class ResourceDeclarationTest {

    private static ResourceDeclaration valid(String declaration) {
        ResourceDeclaration.Result r = ResourceDeclaration.parse(declaration);
        assertThat(r.problems()).isEmpty();
        assertThat(r.parsed()).isNotNull();
        return r.parsed();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "name | NAME",
            "user.name | USER_NAME",
            "user-name | USER_NAME",
            "userName | USER_NAME",
            "report:daily | REPORT_DAILY",
            "HTTPServer | HTTPSERVER",
            "v2Api | V2_API",
            "user-{userId} | user",
            "order-{shop}-{id} | order",
            "{tenant}:course-{courseId} | course",
            "user-item-{id} | userItem",
            "User.Item-{id} | userItem"})
    void javaName_followsTheDocumentedRules(String declaration, String javaName) {
        assertThat(valid(declaration).javaName()).isEqualTo(javaName);
    }

    @Test
    void template_isSplitIntoLiteralsAndPlaceholders() {
        ResourceDeclaration t = valid("{tenant}:course-{courseId}");
        assertThat(t.literals()).containsExactly("", ":course-", "");
        assertThat(t.placeholders()).containsExactly("tenant", "courseId");
        assertThat(t.isPlain()).isFalse();
        assertThat(t.javaNameKind()).isEqualTo("factory");
        assertThat(valid("name").isPlain()).isTrue();
    }

    @Test
    void everyProblemOfOneDeclarationIsReported_inOrder() {
        assertThat(ResourceDeclaration.parse("a b-{}-{x-y}-{z}-{z}").problems()).containsExactly(
                new Problem(Kind.ILLEGAL_CHARACTER, "character ' ' (U+0020) at index 1 is not allowed outside a"
                        + " placeholder"),
                new Problem(Kind.EMPTY_PLACEHOLDER, "empty placeholder {} at index 4"),
                new Problem(Kind.PLACEHOLDER_NOT_IDENTIFIER, "placeholder {x-y} is not a Java identifier"),
                new Problem(Kind.DUPLICATE_PLACEHOLDER, "placeholder {z} appears twice"));
    }

    @Test
    void keywordsAreRefusedAsPlaceholders_notMangled() {
        assertThat(ResourceDeclaration.parse("user-{class}").problems()).containsExactly(
                new Problem(Kind.PLACEHOLDER_NOT_IDENTIFIER, "placeholder {class} is a Java keyword"));
        assertThat(ResourceDeclaration.parse("user-{_}").problems()).extracting(Problem::kind)
                .containsExactly(Kind.PLACEHOLDER_NOT_IDENTIFIER);
        // contextual keywords are legal parameter names
        assertThat(valid("user-{record}").placeholders()).containsExactly("record");
        // identifiers by code point, as javac reads them; ignorable characters are refused
        assertThat(valid("user-{naïve}").placeholders()).containsExactly("naïve");
        assertThat(ResourceDeclaration.parse("user-{a\u0000b}").problems()).containsExactly(
                new Problem(Kind.PLACEHOLDER_NOT_IDENTIFIER, "placeholder {aU+0000b} is not a Java identifier"));
    }

    @Test
    void parseAll_reportsDuplicatesAndClashesOnTheLaterDeclaration() {
        List<ResourceDeclaration.Result> results = ResourceDeclaration.parseAll(
                List.of("user.name", "user-name", "user.name", "user-{id}", "user.{other}", "member-{a}-{b}", ""));
        assertThat(results).extracting(r -> r.problems().isEmpty()).containsExactly(true, false, false, true,
                false, true, false);
        assertThat(results.get(1).problems()).containsExactly(
                new Problem(Kind.NAME_CLASH, "maps to the constant USER_NAME, as 'user.name' does"));
        assertThat(results.get(2).problems()).containsExactly(new Problem(Kind.DUPLICATE_RESOURCE, "declared twice"));
        assertThat(results.get(4).problems()).extracting(Problem::kind).containsExactly(Kind.NAME_CLASH);
        assertThat(results.get(6).problems()).containsExactly(new Problem(Kind.EMPTY, "empty"));
    }

    @Test
    void unusableNames() {
        assertThat(ResourceDeclaration.parse("class-{id}").problems()).containsExactly(new Problem(
                Kind.UNUSABLE_NAME, "maps to the factory 'class', which cannot be used: it is a Java keyword"));
        assertThat(ResourceDeclaration.parse("{id}").problems()).extracting(Problem::reason).containsExactly(
                "maps to the factory '', which cannot be used: it has no letters or digits outside placeholders");
        assertThat(ResourceDeclaration.parse("2fa").problems()).extracting(Problem::reason)
                .containsExactly("maps to the constant '2FA', which cannot be used: it starts with a digit");
        assertThat(ResourceDeclaration.parse("to-string-{x}").problems()).extracting(Problem::reason)
                .containsExactly("maps to the factory 'toString', which cannot be used: it is the name of a method"
                        + " every resource has");
    }
}
