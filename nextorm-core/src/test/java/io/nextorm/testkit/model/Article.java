package io.nextorm.testkit.model;

import io.nextorm.EntityHooks;
import io.nextorm.Lazy;
import io.nextorm.annotation.Column;
import io.nextorm.annotation.Entity;
import io.nextorm.annotation.Index;
import io.nextorm.annotation.Nullable;
import io.nextorm.annotation.PrimaryKey;
import io.nextorm.annotation.Version;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** An article: private fields with getters and setters, a lazy body, a reference, tags, a version, hooks. */
@Entity
@Index({"author", "published"})
public class Article implements EntityHooks {
    @PrimaryKey
    private Long id;
    private String title;
    @Nullable
    private String subtitle;
    @Nullable
    @Column(length = 80, unique = true)
    private String slug;
    @Nullable
    private Lazy<String> body;
    private long views;
    private boolean draft;
    @Nullable
    private Author author;
    @Nullable
    private LocalDate published;
    private Set<Tag> tags;
    @Version
    private long version;

    /** What the hooks saw, in order; not persistent. */
    public final transient List<String> events = new ArrayList<>();

    public Article() {
    }

    public Article(String title) {
        this.title = title;
    }

    public Article(String title, long views) {
        this.title = title;
        this.views = views;
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getSubtitle() { return subtitle; }
    public void setSubtitle(String subtitle) { this.subtitle = subtitle; }
    public String getSlug() { return slug; }
    public void setSlug(String slug) { this.slug = slug; }
    public Lazy<String> getBody() { return body; }
    public void setBody(Lazy<String> body) { this.body = body; }
    public long getViews() { return views; }
    public void setViews(long views) { this.views = views; }
    public boolean isDraft() { return draft; }
    public void setDraft(boolean draft) { this.draft = draft; }
    public Author getAuthor() { return author; }
    public void setAuthor(Author author) { this.author = author; }
    public LocalDate getPublished() { return published; }
    public void setPublished(LocalDate published) { this.published = published; }
    public Set<Tag> getTags() { return tags; }
    public void setTags(Set<Tag> tags) { this.tags = tags; }
    public long getVersion() { return version; }
    public void setVersion(long version) { this.version = version; }

    @Override public void beforeInsert() { events.add("beforeInsert"); }
    @Override public void afterInsert() { events.add("afterInsert:" + id); }
    @Override public void beforeUpdate() { events.add("beforeUpdate"); }
    @Override public void afterUpdate() { events.add("afterUpdate"); }
    @Override public void beforeDelete() { events.add("beforeDelete"); }
    @Override public void afterDelete() { events.add("afterDelete"); }

    @Override
    public String toString() {
        return "Article[" + id + ", " + title + "]";
    }
}
