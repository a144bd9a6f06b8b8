package io.nextorm.sample.library;

import io.nextorm.sample.Review;

/**
 * A review as the API shows it.
 *
 * @param id the key
 * @param reviewer who wrote it
 * @param rating 1 to 5 stars
 * @param text what they thought
 */
public record ReviewView(long id, String reviewer, int rating, String text) {

    /**
     * The view of a review.
     *
     * @param review the review
     * @return its view
     */
    public static ReviewView of(Review review) {
        return new ReviewView(review.getId(), review.getReviewer(), review.getRating(), review.getText());
    }
}
