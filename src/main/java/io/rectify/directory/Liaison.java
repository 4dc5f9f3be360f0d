package io.rectify.directory;

/** A body's liaison (联络人): the person an order is served on, by mail or by text message. */
public record Liaison(long id, String orgCode, String name, String mobile, String mail) {
}
