package io.rectify.workflow.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.feel.impl.FeelException;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.junit.jupiter.api.Test;

/** The parsed-once FEEL engine answers exactly as Camunda's own, for what it keeps and for what fails. */
class ParsedOnceFeelEngineTest {

    private final ScalaFeelEngine camunda = new ScalaFeelEngine(List.of());
    private final ParsedOnceFeelEngine parsedOnce = new ParsedOnceFeelEngine(List.of());

    private static VariableContext variables(Map<String, Object> values) {
        return Variables.fromMap(values).asVariableContext();
    }

    @Test
    void expressionsEvaluateAsCamundasEngineDoesEveryTimeWithTheirOwnVariables() {
        List<String> expressions = List.of("categoryCode", "rejectionCount + 1", "overdue and not(escalated)",
                "if rejectionCount >= 2 then \"repeated\" else \"first\"", "missing");
        for (int round = 0; round < 3; round++) { // the second and third rounds use the kept parse
            VariableContext values = variables(Map.of("categoryCode", "A33-0" + round, "rejectionCount", round,
                    "overdue", round > 0, "escalated", round > 1));
            for (String expression : expressions) {
                Object expected = camunda.evaluateSimpleExpression(expression, values);
                assertThat((Object) parsedOnce.evaluateSimpleExpression(expression, values))
                        .as(expression + " in round " + round).isEqualTo(expected);
            }
        }
        assertThat(parsedOnce.kept()).isEqualTo(expressions.size());
    }

    @Test
    void unaryTestsOfADecisionTableMatchAsCamundasEngineDoes() {
        List<String> tests = List.of("-", "true", "false", ">= 2", "< 2", "\"A34-01\",\"A34-02\"", "not(\"A33-10\")",
                "[1..3]", "null");
        List<Object> inputs = Arrays.asList(true, false, 0, 2, 5, "A34-01", "A33-10", null);
        for (Object input : inputs) {
            HashMap<String, Object> values = new HashMap<>();
            values.put("cellInput", input);
            for (String test : tests) {
                boolean expected = camunda.evaluateSimpleUnaryTests(test, "cellInput", variables(values));
                assertThat(parsedOnce.evaluateSimpleUnaryTests(test, "cellInput", variables(values)))
                        .as(test + " against " + input).isEqualTo(expected);
            }
        }
        assertThat(parsedOnce.kept()).isEqualTo(tests.size());
    }

    @Test
    void anExpressionThatDoesNotParseFailsWithCamundasOwnMessage() {
        VariableContext values = variables(Map.of("cellInput", 1));
        String camundaMessage = messageOf(() -> camunda.evaluateSimpleUnaryTests(">> 2", "cellInput", values));
        assertThatThrownBy(() -> parsedOnce.evaluateSimpleUnaryTests(">> 2", "cellInput", values))
                .isInstanceOf(FeelException.class).hasMessage(camundaMessage);
        // and again: a failed parse is not kept as if it had succeeded
        assertThatThrownBy(() -> parsedOnce.evaluateSimpleUnaryTests(">> 2", "cellInput", values))
                .isInstanceOf(FeelException.class).hasMessage(camundaMessage);

        String expressionMessage = messageOf(() -> camunda.evaluateSimpleExpression("1 +", values));
        assertThatThrownBy(() -> parsedOnce.evaluateSimpleExpression("1 +", values))
                .isInstanceOf(FeelException.class).hasMessage(expressionMessage);
        assertThat(parsedOnce.kept()).isZero();
    }

    private static String messageOf(Runnable failing) {
        try {
            failing.run();
        } catch (FeelException e) {
            return e.getMessage();
        }
        throw new AssertionError("Camunda's engine was expected to fail");
    }
}
