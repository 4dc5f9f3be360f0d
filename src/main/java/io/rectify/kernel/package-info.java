/**
 * The shared kernel: the refusals every module may raise ({@link io.rectify.kernel.InvalidInputException}
 * with its {@link io.rectify.kernel.FieldProblem}s, not found, forbidden, conflict, too many requests,
 * unsupported type) and nothing else. It depends on no other module, so the directory, forms and the
 * case file can name a field and what is wrong with it in the one type the web layer answers with —
 * a 400 problem on the API, errors beside the fields on a page.
 */
package io.rectify.kernel;
