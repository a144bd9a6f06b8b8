package io.nextorm.kit.existing;

import io.nextorm.MappingException;
import io.nextorm.annotation.Entity;
import io.nextorm.annotation.JoinColumn;
import io.nextorm.annotation.PrimaryKey;
import io.nextorm.internal.mapping.Mapping;
import io.nextorm.testkit.ExistingSchemaKit;
import io.nextorm.testkit.TestDatabase;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A composite key with a part that refers to a composite-keyed entity, as a PonyORM user writes
 * {@code PrimaryKey(group_meeting, task)} over {@code GroupMeeting}'s {@code PrimaryKey(group, meeting)}: the
 * key has three columns, the identity map holds the nested key, and every write names each column.
 */
class NestedCompositeKeyTest extends ExistingSchemaKit {

    @Entity(table = "nk_group")
    static class Group {
        @PrimaryKey Integer groupId;
        String name;
    }

    @Entity(table = "nk_meeting")
    static class Meeting {
        @PrimaryKey Integer meetingId;
        String title;
    }

    @Entity(table = "nk_group_meeting")
    static class GroupMeeting {
        @PrimaryKey @JoinColumn(name = "group_id") Group group;
        @PrimaryKey @JoinColumn(name = "meeting_id") Meeting meeting;
        String code;
        Set<GroupMeetingTask> tasks;
    }

    @Entity(table = "nk_task")
    static class Task {
        @PrimaryKey Integer taskId;
        String name;
    }

    @Entity(table = "nk_group_meeting_task")
    static class GroupMeetingTask {
        @PrimaryKey @JoinColumn(name = {"gm_group_id", "gm_meeting_id"}) GroupMeeting groupMeeting;
        @PrimaryKey @JoinColumn(name = "task_id") Task task;
        String note;

        GroupMeetingTask() {
        }

        GroupMeetingTask(GroupMeeting groupMeeting, Task task, String note) {
            this.groupMeeting = groupMeeting;
            this.task = task;
            this.note = note;
        }

        GroupMeeting getGroupMeeting() {
            return groupMeeting;
        }
    }

    @Override
    protected List<Class<?>> entities() {
        return List.of(Group.class, Meeting.class, GroupMeeting.class, Task.class, GroupMeetingTask.class);
    }

    @Override
    protected List<String> tables() {
        return List.of("nk_group_meeting_task", "nk_task", "nk_group_meeting", "nk_meeting", "nk_group");
    }

    @Override
    protected List<String> ddl(TestDatabase database) {
        String id = generatedKey(database);
        return List.of(
                "CREATE TABLE nk_group (group_id " + id + ", name VARCHAR(50) NOT NULL)",
                "CREATE TABLE nk_meeting (meeting_id " + id + ", title VARCHAR(50) NOT NULL)",
                "CREATE TABLE nk_group_meeting (group_id INT NOT NULL REFERENCES nk_group (group_id),"
                        + " meeting_id INT NOT NULL REFERENCES nk_meeting (meeting_id), code VARCHAR(20) NOT NULL,"
                        + " PRIMARY KEY (group_id, meeting_id))",
                "CREATE TABLE nk_task (task_id " + id + ", name VARCHAR(50) NOT NULL)",
                "CREATE TABLE nk_group_meeting_task (gm_group_id INT NOT NULL, gm_meeting_id INT NOT NULL,"
                        + " task_id INT NOT NULL REFERENCES nk_task (task_id), note VARCHAR(50) NOT NULL,"
                        + " PRIMARY KEY (gm_group_id, gm_meeting_id, task_id),"
                        + " FOREIGN KEY (gm_group_id, gm_meeting_id) REFERENCES nk_group_meeting (group_id, meeting_id))");
    }

    private GroupMeeting weekly;
    private GroupMeeting monthly;
    private Task minutes;
    private Task coffee;

    private void plan() {
        Group red = new Group();
        red.name = "red";
        Meeting first = new Meeting();
        first.title = "first";
        Meeting second = new Meeting();
        second.title = "second";
        weekly = new GroupMeeting();
        weekly.group = red;
        weekly.meeting = first;
        weekly.code = "W";
        monthly = new GroupMeeting();
        monthly.group = red;
        monthly.meeting = second;
        monthly.code = "M";
        minutes = new Task();
        minutes.name = "minutes";
        coffee = new Task();
        coffee.name = "coffee";
        await(db.session(s -> Mono.fromRunnable(() -> {
            // the tasks first: the flush inserts what they refer to before them
            s.add(new GroupMeetingTask(weekly, minutes, "ann"));
            s.add(new GroupMeetingTask(weekly, coffee, "bob"));
            s.add(new GroupMeetingTask(monthly, minutes, "cid"));
            List.of(red, first, second, weekly, monthly, minutes, coffee).forEach(s::add);
        })));
    }

    private String marker(int index) {
        return target == TestDatabase.POSTGRES ? "$" + index : "?";
    }

    @Test
    void theKeyHasEveryColumnAndTheIdentityMapOneObjectPerKey() {
        plan();

        assertThat(await(db.selectRaw("SELECT gm_group_id, gm_meeting_id, task_id, note FROM nk_group_meeting_task"
                + " ORDER BY note"))).extracting(r -> ((Number) r.get("gm_meeting_id")).intValue() + "/"
                + ((Number) r.get("task_id")).intValue() + "/" + r.get("note"))
                .containsExactly(weekly.meeting.meetingId + "/" + minutes.taskId + "/ann",
                        weekly.meeting.meetingId + "/" + coffee.taskId + "/bob",
                        monthly.meeting.meetingId + "/" + minutes.taskId + "/cid");
        assertThat(db.schema().get("nk_group_meeting_task").primaryKey())
                .containsExactly("gm_group_id", "gm_meeting_id", "task_id");

        List<Object> same = await(db.session(s -> db.getByKey(GroupMeetingTask.class, List.of(weekly, coffee))
                .flatMap(first -> db.getByKey(GroupMeetingTask.class,
                                List.of(List.of(weekly.group.groupId, weekly.meeting.meetingId), coffee.taskId))
                        .flatMap(second -> db.aselect(GroupMeetingTask.class)
                                .filter(NestedCompositeKeyTest_GroupMeetingTask_.groupMeeting.eq(weekly)
                                        .and(NestedCompositeKeyTest_GroupMeetingTask_.task.eq(coffee)))
                                .getOrRaise().map(third -> List.<Object>of(first, second, third))))));
        assertThat(same.get(0)).isSameAs(same.get(1)).isSameAs(same.get(2));
        assertThat(((GroupMeetingTask) same.get(0)).note).isEqualTo("bob");
        assertThat(await(db.getByKey(GroupMeetingTask.class, List.of(monthly, coffee)))).isNull();

        List<GroupMeetingTask> raw = await(db.aselect(GroupMeetingTask.class)
                .raw("SELECT * FROM nk_group_meeting_task ORDER BY note", null));
        assertThat(raw).extracting(t -> t.groupMeeting.meeting.meetingId + ":" + t.note)
                .containsExactly(weekly.meeting.meetingId + ":ann", weekly.meeting.meetingId + ":bob",
                        monthly.meeting.meetingId + ":cid");
    }

    @Test
    void queriesPrefetchAndSetsGoThroughTheNestedKey() {
        plan();

        GroupMeeting wanted = weekly;
        assertThat(await(db.aselect(GroupMeetingTask.class).where(t -> t.getGroupMeeting() == wanted).count()))
                .isEqualTo(2L);
        List<GroupMeetingTask> tasks = await(db.aselect(GroupMeetingTask.class)
                .filter(NestedCompositeKeyTest_GroupMeetingTask_.task.eq(minutes))
                .prefetch(NestedCompositeKeyTest_GroupMeetingTask_.groupMeeting)
                .orderBy(NestedCompositeKeyTest_GroupMeetingTask_.note.asc()).fetchAll());
        assertThat(tasks).extracting(t -> t.groupMeeting.code).containsExactly("W", "M");
        List<GroupMeeting> meetings = await(db.aselect(GroupMeeting.class).prefetch(NestedCompositeKeyTest_GroupMeeting_.tasks)
                .orderBy(NestedCompositeKeyTest_GroupMeeting_.code.desc()).fetchAll());
        assertThat(meetings).extracting(m -> m.code + ":" + m.tasks.stream().map(t -> t.note).sorted().toList())
                .containsExactly("W:[ann, bob]", "M:[cid]");
        assertThat(await(db.aselect(GroupMeeting.class).filter(NestedCompositeKeyTest_GroupMeeting_.tasks.count().gt(1L))
                .fetchAll())).extracting(m -> m.code).containsExactly("W");
    }

    @Test
    void writesNameEveryKeyColumn() {
        plan();
        db.clearLocalStats();

        await(db.session(s -> db.getByKey(GroupMeetingTask.class, List.of(weekly, minutes)).doOnNext(t -> t.note = "dee")));
        await(db.session(s -> db.getByKey(GroupMeetingTask.class, List.of(monthly, minutes)).flatMap(db::adeleteInstance)));
        assertThat(db.localStats().keySet()).contains(
                "UPDATE nk_group_meeting_task SET note = " + marker(1) + " WHERE gm_group_id = " + marker(2)
                        + " AND gm_meeting_id = " + marker(3) + " AND task_id = " + marker(4) + " AND note = " + marker(5),
                "DELETE FROM nk_group_meeting_task WHERE gm_group_id = " + marker(1) + " AND gm_meeting_id = "
                        + marker(2) + " AND task_id = " + marker(3));
        assertThat(await(db.aselect(GroupMeetingTask.class).orderBy(NestedCompositeKeyTest_GroupMeetingTask_.note.desc())
                .limit(1).update(Map.of("note", "zed")))).isEqualTo(1L);
        assertThat(await(db.selectRaw("SELECT note FROM nk_group_meeting_task ORDER BY note")))
                .extracting(r -> r.get("note")).containsExactly("bob", "zed");
    }

    @Entity(table = "nk_bad")
    static class RefersToNested {
        @PrimaryKey Integer id;
        GroupMeetingTask task;
    }

    @Test
    void aReferenceToAKeyOfTwoLevelsIsRefusedNamingIt() {
        assertThatThrownBy(() -> Mapping.build(List.of(Group.class, Meeting.class, GroupMeeting.class, Task.class,
                GroupMeetingTask.class, RefersToNested.class), true))
                .isInstanceOf(MappingException.class).hasMessageContaining("RefersToNested.task")
                .hasMessageContaining("GroupMeetingTask.groupMeeting").hasMessageContaining("two levels");
    }
}
