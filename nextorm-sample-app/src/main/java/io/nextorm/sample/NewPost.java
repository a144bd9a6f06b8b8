package io.nextorm.sample;

/**
 * The body of {@code POST /posts}.
 *
 * @param title the title, not blank
 * @param body the text
 * @param author the author's name: an existing author, or a new one
 */
public record NewPost(String title, String body, String author) {
}
