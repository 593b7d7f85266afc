package com.teaminbox.ui.inbox;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static com.github.mvysny.kaributesting.v10.ShortcutsKt._fireShortcut;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.teaminbox.ui.api.FakeInboxServer;
import com.teaminbox.ui.api.InboxApi;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The conversation pane as an agent uses it: its states and the reply composer. */
class ConversationPaneTest {

    private static final String CONVERSATION = "/v1/conversations/7";
    private static final String MESSAGES = CONVERSATION + "/messages";

    @RegisterExtension
    final FakeInboxServer server = new FakeInboxServer();
    private InboxApi api;

    @BeforeEach
    void aCustomerWaitsForAnAnswer() {
        api = server.api();
        serveConversation("open");
        server.answer("GET", MESSAGES, """
                {"items": [
                  {"id": 1, "direction": "inbound", "body": "Is my cake ready?", "deliveryState": "delivered",
                   "sentAt": "2025-03-01T10:00:00Z"},
                  {"id": 2, "direction": "outbound", "sentFrom": "companion", "agentName": "Bob Silva", "body": "Checking!",
                   "deliveryState": "failed", "failureReason": "the device was logged out", "sentAt": "2025-03-01T10:01:00Z"}],
                 "next": null}""");
        server.answer("GET", CONVERSATION + "/notes", "[]");
        server.answer("GET", CONVERSATION + "/events", "[]");
        server.answer("GET", CONVERSATION + "/labels", "[]");
        server.answer("GET", CONVERSATION + "/transfer-targets", """
                {"agents": [], "queues": [{"id": 4, "name": "Orders", "waiting": 2}]}""");
        server.answer("GET", "/v1/conversations", """
                {"items": [], "next": null}""");
        server.answer("GET", "/v1/canned-replies", """
                [{"id": 1, "accountId": 1, "shortcut": "thanks", "body": "Thank you for your message!"},
                 {"id": 2, "accountId": 1, "shortcut": "hours", "body": "We are open 9 to 6."}]""");
        server.answer("POST", CONVERSATION + "/read", 204, "");
        server.answer("POST", MESSAGES, 201, "");
    }

    @Test
    void anAgentIsOfferedOnlyColleaguesWhoServeTheQueueAndHaveRoom() {
        InboxApi.AgentTarget free = new InboxApi.AgentTarget(1, "Bob Silva", "online", 1, 5, "connected", true, true);
        InboxApi.AgentTarget full = new InboxApi.AgentTarget(2, "Ana Lima", "online", 5, 5, "connected", true, true);
        InboxApi.AgentTarget elsewhere = new InboxApi.AgentTarget(3, "Rui Sousa", "online", 0, 5, "connected", true, false);

        assertTrue(ConversationPane.TransferChoice.offered(free, false));
        assertFalse(ConversationPane.TransferChoice.offered(full, false));
        assertFalse(ConversationPane.TransferChoice.offered(elsewhere, false));
        assertTrue(ConversationPane.TransferChoice.offered(full, true), "a manager may override");
        assertTrue(ConversationPane.TransferChoice.offered(elsewhere, true), "a manager may override");
    }

    @Test
    void beforeAConversationIsPickedThereIsNothingToAnswer() {
        pane();

        assertEquals("Pick a conversation", _get(H3.class, spec -> spec.withId("conversation-title")).getText());
        assertFalse(reply().isEnabled());
        assertFalse(sendButton().isEnabled());
        _assertNone(Button.class, spec -> spec.withText("Claim"));
        _assertNone(Button.class, spec -> spec.withText("Resolve"));
    }

    @Test
    void anUnassignedConversationSaysWhyItWaitsAndOffersClaim() {
        open(pane());

        assertEquals("Maria Costa", _get(H3.class, spec -> spec.withId("conversation-title")).getText());
        assertEquals("open · unassigned: nobody in Front desk is online", _get(Span.class, spec -> spec.withId("conversation-state")).getText());
        _assertOne(Button.class, spec -> spec.withText("Claim"));
        _assertOne(Button.class, spec -> spec.withText("Resolve"));
        _assertNone(Button.class, spec -> spec.withText("Reopen"));
        assertTrue(reply().isEnabled());
        assertEquals(List.of("Is my cake ready?", "Checking!", "Not delivered: the device was logged out"),
                _find(Div.class, spec -> spec.withClasses("message-bubble")).stream()
                        .flatMap(bubble -> bubble.getChildren()).filter(Div.class::isInstance).map(c -> ((Div) c).getText()).toList());
    }

    @Test
    void enterSendsTheReplyWithTheAgentsTokenAndEmptiesTheComposer() {
        open(pane());
        _setValue(reply(), "  Yes, it is ready.  ");

        _fireShortcut(reply(), Key.ENTER);

        List<FakeInboxServer.Request> replies = server.requests("POST", MESSAGES);
        assertEquals(1, replies.size(), "Enter sent the reply");
        FakeInboxServer.Request sent = replies.get(0);
        assertEquals("Yes, it is ready.", sent.json().getString("text"));
        assertEquals("Bearer " + FakeInboxServer.TOKEN, sent.authorization());
        assertEquals("", reply().getValue());
        _assertNone(Paragraph.class, spec -> spec.withId("conversation-problem"));
    }

    @Test
    void aRefusedReplyShowsTheServersSentenceAndKeepsTheText() {
        server.refuse("POST", MESSAGES, 409, "Your device is not connected. Reconnect it on the Devices screen, then send again.");
        open(pane());
        _setValue(reply(), "Yes, it is ready.");

        _click(sendButton());

        assertEquals("Your device is not connected. Reconnect it on the Devices screen, then send again.", problem());
        assertEquals("Yes, it is ready.", reply().getValue(), "kept for a retry");
    }

    @Test
    void aRefusedAttachmentShowsTheServersSentenceAndNoImage() {
        String refused = "This attachment was not opened: the sender's message pointed somewhere other than"
                + " the network's media host, which genuine apps never do.";
        server.answer("GET", MESSAGES, """
                {"items": [
                  {"id": 3, "direction": "inbound", "body": "look", "deliveryState": "delivered", "sentAt": "2025-03-01T10:00:00Z",
                   "attachment": {"mimeType": "image/png", "fileName": "image.png", "size": 20,
                                  "url": "v1/conversations/7/messages/3/media", "refused": "%s"}}],
                 "next": null}""".formatted(refused));
        open(pane());

        assertEquals(refused, _get(Div.class, spec -> spec.withClasses("attachment-refused")).getText());
        _assertNone(com.vaadin.flow.component.html.Image.class);
        assertTrue(server.requests("GET", MESSAGES.replace("messages", "messages/3/media")).isEmpty(), "nothing fetched");
    }

    @Test
    void onlyRasterImagesAreShownSvgAndHtmlAreDownloads() {
        server.answer("GET", MESSAGES, """
                {"items": [
                  {"id": 3, "direction": "inbound", "body": "logo", "deliveryState": "delivered", "sentAt": "2025-03-01T10:00:00Z",
                   "attachment": {"mimeType": "image/svg+xml", "fileName": "logo.svg", "size": 90,
                                  "url": "v1/conversations/7/messages/3/media"}},
                  {"id": 4, "direction": "inbound", "body": "page", "deliveryState": "delivered", "sentAt": "2025-03-01T10:01:00Z",
                   "attachment": {"mimeType": "text/html", "fileName": "offer.html", "size": 60,
                                  "url": "v1/conversations/7/messages/4/media"}},
                  {"id": 5, "direction": "inbound", "body": "cake", "deliveryState": "delivered", "sentAt": "2025-03-01T10:02:00Z",
                   "attachment": {"mimeType": "image/png", "fileName": "cake.png", "size": 20,
                                  "url": "v1/conversations/7/messages/5/media"}}],
                 "next": null}""");
        open(pane());

        var image = _get(com.vaadin.flow.component.html.Image.class, spec -> spec.withClasses("attachment-image"));
        assertEquals("cake.png", image.getAlt().orElse(""), "only the PNG is an image");
        List<String> downloads = _find(com.vaadin.flow.component.html.Anchor.class, spec -> spec.withClasses("attachment-download"))
                .stream().map(com.vaadin.flow.component.html.Anchor::getText).toList();
        assertEquals(List.of("logo.svg (90 bytes)", "offer.html (60 bytes)"), downloads);
    }

    @Test
    void anEmptyReplyIsNotSent() {
        open(pane());
        _setValue(reply(), "   ");

        _click(sendButton());

        assertEquals("Write the reply first.", problem());
        assertTrue(server.requests("POST", MESSAGES).isEmpty());
    }

    @Test
    void aResolvedConversationOffersReopenAndLocksTheComposer() {
        serveConversation("resolved");
        open(pane());

        _assertOne(Button.class, spec -> spec.withText("Reopen"));
        _assertNone(Button.class, spec -> spec.withText("Claim"));
        _assertNone(Button.class, spec -> spec.withText("Resolve"));
        assertFalse(reply().isEnabled());
        assertFalse(sendButton().isEnabled());
        assertEquals("Reopen the conversation to reply.", reply().getHelperText());
    }

    @Test
    void slashListsTheCannedRepliesAndEnterTakesOneInsteadOfSending() {
        open(pane());

        _setValue(reply(), "/th");

        assertEquals(List.of("/thanks — Thank you for your message!"),
                _find(Button.class, spec -> spec.withClasses("canned-reply")).stream().map(Button::getText).toList());
        _fireShortcut(reply(), Key.ENTER);
        assertEquals("Thank you for your message!", reply().getValue());
        assertTrue(server.requests("POST", MESSAGES).isEmpty(), "nothing went to the customer yet");
    }

    /** The pane on screen, as the inbox shows it to Ann, an agent. */
    private ConversationPane pane() {
        ConversationPane pane = new ConversationPane(api, () -> FakeInboxServer.TOKEN, false, () -> { }, "ann", "Ann Lee");
        UI.getCurrent().add(pane);
        return pane;
    }

    /** Ann picks conversation 7 in the list. */
    private void open(ConversationPane pane) {
        pane.show(api.conversation(FakeInboxServer.TOKEN, 7));
    }

    private void serveConversation(String status) {
        server.answer("GET", CONVERSATION, """
                {"id": 7, "accountId": 1, "contactId": 5, "contactName": "Maria Costa", "contactPhone": "+351911000111",
                 "queueId": 3, "status": "%s", "priority": 0, "openedAt": "2025-03-01T10:00:00Z", "unread": 1,
                 "waitingReason": "nobody in Front desk is online"}""".formatted(status));
    }

    private static TextArea reply() {
        return _get(TextArea.class, spec -> spec.withId("reply-input"));
    }

    private static Button sendButton() {
        return _get(Button.class, spec -> spec.withId("send-button"));
    }

    private static String problem() {
        return _get(Paragraph.class, spec -> spec.withId("conversation-problem")).getText();
    }
}
