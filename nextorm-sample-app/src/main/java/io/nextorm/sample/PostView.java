package io.nextorm.sample;

/**
 * A post as the API shows it.
 *
 * @param id the post's key
 * @param title the title
 * @param body the text
 * @param author the author's name
 */
public record PostView(Long id, String title, String body, String author) {

    /**
     * The view of a post whose author is loaded.
     *
     * @param post the post
     * @return its view
     */
    public static PostView of(Post post) {
        return new PostView(post.getId(), post.getTitle(), post.getBody(), post.getAuthor().getName());
    }
}
