// want package:"reaches the network"

// Package notify wraps the slack-go client the way testable bots do: the wrappers' facts
// say which Web API methods they reach, so that their callers know too.
package notify

import "github.com/slack-go/slack"

// Notify posts a message: chat.postMessage, unless an option passed by the caller says
// otherwise.
func Notify(c *slack.Client, channel, text string, opts ...slack.MsgOption) error { // want Notify:`reaches chat.postMessage \(options: github.com/slack-go/slack.sendConfig.endpoint\); args channel=channel`
	_, _, err := c.PostMessage(channel, append(opts, slack.MsgOptionText(text, false))...)
	return err
}

// Whisper passes an option that changes the endpoint: chat.postEphemeral.
func Whisper(c *slack.Client, channel, user, text string) error { // want Whisper:`reaches chat.postEphemeral \(options`
	_, _, err := c.PostMessage(channel, slack.MsgOptionText(text, false), slack.MsgOptionPostEphemeral(user))
	return err
}

// Reply answers through an interaction's response URL: no Web API method at all.
func Reply(c *slack.Client, responseURL, text string) error { // want Reply:`reaches \{responseURL\}`
	_, _, err := c.PostMessage("", slack.MsgOptionText(text, false), slack.MsgOptionResponseURL(responseURL, slack.ResponseTypeEphemeral))
	return err
}

// Who looks a user up: users.info.
func Who(c *slack.Client, id string) (string, error) { // want Who:`reaches users.info; args user=id`
	u, err := c.GetUserInfo(id)
	if err != nil {
		return "", err
	}
	return u.RealName, nil
}

// channels returns the conversations of the given types; the types argument comes from a
// parameter, so a caller's constant narrows the scopes.
func channels(c *slack.Client, types ...string) ([]slack.Channel, error) { // want channels:`reaches conversations.list`
	chs, _, err := c.GetConversations(&slack.GetConversationsParameters{Types: types})
	return chs, err
}

// Public lists public channels.
func Public(c *slack.Client) ([]slack.Channel, error) { // want Public:`reaches conversations.list`
	return channels(c, "public_channel")
}
