/**
 * Task forms: one form-js schema per task in {@code forms/<formKey>.form} is returned by the API as
 * the task's {@code form}, rendered by the web pages, and enforced here on submission.
 *
 * <p>{@link io.rectify.form.FormCatalog} reads and checks every schema at startup;
 * {@link io.rectify.form.FormValidator} checks a submission (JSON or HTML post) and normalises its
 * values; {@link io.rectify.form.FormMessages} renders errors in the reader's language from
 * {@code i18n/forms*.properties}. Rules that span fields (a comment when a response is rejected, a
 * filing number when filed) belong to the domain, not to the schema.
 *
 * <p>Conventions the schemas follow beyond form-js: {@code properties.labelEn} on every field (and
 * {@code labelEn.<value>} per choice); {@code properties.valueType = "boolean"} on a radio with the
 * values "true"/"false" makes it a yes/no field; {@code properties.minItems}/{@code maxItems} bound a
 * dynamic list, which carries its {@code path} also as {@code key}; {@code decimalDigits: 0} makes a
 * number field take whole numbers.
 */
package io.rectify.form;
