package dev.redlock.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The naming rules of docs/resources.md, row by row. */
final class ResourceTemplateTest {

    private static ResourceTemplate parse(String declaration) {
        List<String> problems = new ArrayList<>();
        ResourceTemplate t = ResourceTemplate.parse(declaration, "where", problems::add);
        assertThat(problems).isEmpty();
        assertThat(t).isNotNull();
        return t;
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
        ResourceTemplate t = parse(declaration);
        assertThat(t.javaName()).isEqualTo(javaName);
        assertThat(t.javaNameProblem()).isNull();
    }

    @Test
    void template_isSplitIntoLiteralsAndPlaceholders() {
        ResourceTemplate t = parse("{tenant}:course-{courseId}");
        assertThat(t.literals()).containsExactly("", ":course-", "");
        assertThat(t.placeholders()).containsExactly("tenant", "courseId");
        assertThat(t.fillTerms()).containsExactly(
                "ResourceArguments.check(\"{tenant}:course-{courseId}\", \"tenant\", tenant)", "\":course-\"",
                "ResourceArguments.check(\"{tenant}:course-{courseId}\", \"courseId\", courseId)");
    }

    @Test
    void everyProblemOfOneDeclarationIsReported() {
        List<String> problems = new ArrayList<>();
        assertThat(ResourceTemplate.parse("a b-{}-{x-y}-{z}-{z}", "where", problems::add)).isNull();
        assertThat(problems).extracting(p -> p.substring(0, 6)).containsExactly("RL3005", "RL3002", "RL3003",
                "RL3004");
    }
}
