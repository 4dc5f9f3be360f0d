package io.rectify.workflow.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import camundajar.impl.scala.util.Either;
import camundajar.impl.scala.util.Right;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.FeelEngineFactory;
import org.camunda.bpm.dmn.feel.impl.scala.ContextVariableWrapper;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.feel.context.CustomContext;
import org.camunda.feel.context.VariableProvider;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.springframework.stereotype.Component;

/**
 * The decision tables' FEEL engine, parsing each expression once. Camunda's own
 * {@link ScalaFeelEngine} parses an expression's text again every time it evaluates it
 * (camunda/feel-scala#1149): the seriousness table has 6 input expressions and 42 input entries,
 * evaluated at every opening, overdue deadline and verification, and parsing was half of the
 * time a decision took (issue 5, a profile of the benchmark). A table's expressions are few and
 * fixed, so the parsed form of each is kept, by its text.
 *
 * <p>Evaluation is the parent's otherwise, step for step: the same contexts, the same parsed
 * form evaluated by the same FEEL engine. An expression that does not parse or does not
 * evaluate is handed to the parent as it is, so the error a modeller sees is the same.
 */
class ParsedOnceFeelEngine extends ScalaFeelEngine {

    /** Enough for every table a province deploys; beyond it expressions are parsed each time. */
    private static final int MAX_KEPT = 10_000;

    private final Map<String, ParsedExpression> expressions = new ConcurrentHashMap<>();
    private final Map<String, ParsedExpression> unaryTests = new ConcurrentHashMap<>();

    ParsedOnceFeelEngine(List<FeelCustomFunctionProvider> functionProviders) {
        super(functionProviders);
    }

    /** Use this engine for every decision the DMN engine of this configuration evaluates. */
    static void useFor(DefaultDmnEngineConfiguration dmn) {
        dmn.setFeelEngineFactory(new Factory(dmn));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T evaluateSimpleExpression(String expression, VariableContext variables) {
        ParsedExpression parsed = parsed(expressions, expression, feelEngine::parseExpression);
        if (parsed != null && feelEngine.eval(parsed, context(new ContextVariableWrapper(variables)))
                instanceof Right<?, ?> value) {
            return (T) value.value();
        }
        return super.evaluateSimpleExpression(expression, variables);
    }

    @Override
    public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext variables) {
        ParsedExpression parsed = parsed(unaryTests, expression, feelEngine::parseUnaryTests);
        if (parsed != null) {
            VariableProvider input = new VariableProvider.StaticVariableProvider(
                    new camundajar.impl.scala.collection.immutable.Map.Map1<>(INPUT_VARIABLE_NAME, inputVariable));
            VariableProvider both = new VariableProvider.CompositeVariableProvider(
                    toScalaList(input, new ContextVariableWrapper(variables)));
            if (feelEngine.eval(parsed, context(both)) instanceof Right<?, ?> value) {
                return Boolean.TRUE.equals(value.value());
            }
        }
        return super.evaluateSimpleUnaryTests(expression, inputVariable, variables);
    }

    /** How many parsed expressions and unary tests are kept. */
    int kept() {
        return expressions.size() + unaryTests.size();
    }

    private static ParsedExpression parsed(Map<String, ParsedExpression> kept, String expression,
                                           Function<String, Either<org.camunda.feel.FeelEngine.Failure, ParsedExpression>> parse) {
        ParsedExpression parsed = kept.get(expression);
        if (parsed == null && parse.apply(expression) instanceof Right<?, ParsedExpression> ok) {
            parsed = ok.value();
            if (kept.size() < MAX_KEPT) {
                kept.put(expression, parsed);
            }
        }
        return parsed;
    }

    private static CustomContext context(VariableProvider variables) {
        return new CustomContext() {
            @Override
            public VariableProvider variableProvider() {
                return variables;
            }
        };
    }

    /** Reads the configuration's function providers when the DMN engine is built, after the process engine set them. */
    private record Factory(DefaultDmnEngineConfiguration dmn) implements FeelEngineFactory {
        @Override
        public FeelEngine createInstance() {
            return new ParsedOnceFeelEngine(dmn.getFeelCustomFunctionProviders());
        }
    }

    /** The process engine's decisions (business rule tasks) are evaluated on this engine. */
    @Component
    static class Plugin extends AbstractProcessEnginePlugin {
        @Override
        public void preInit(ProcessEngineConfigurationImpl configuration) {
            DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration() != null
                    ? configuration.getDmnEngineConfiguration()
                    : (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
            useFor(dmn);
            configuration.setDmnEngineConfiguration(dmn);
        }
    }
}
