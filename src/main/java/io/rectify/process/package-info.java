/**
 * The case processes as the modules see them, without the engine: the user tasks' keys
 * ({@link io.rectify.process.CaseTasks}), the typed variables, each declared once
 * ({@link io.rectify.process.CaseVariables}), and the task handler a module registers for a task
 * key ({@link io.rectify.process.TaskHandler}) with the {@link io.rectify.process.Routing} it returns.
 *
 * <p>Only the workflow module talks to the engine; the modules that own the case, the supervision
 * review and the sanctions do each task's step and route with these declarations, so a variable's
 * name is written once in Java and no module depends on another in a circle.
 */
package io.rectify.process;
