// want package:"reaches the network"

// Package raw calls the Web API without slack-go, with a URL built from constants.
package raw

import (
	"net/http"
	"net/url"
)

const api = "https://slack.com/api/"

// Archive archives a channel: conversations.archive.
func Archive(token, channel string) error { // want Archive:`reaches conversations.archive`
	req, err := http.NewRequest(http.MethodPost, api+"conversations.archive", nil)
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+token)
	req.URL.RawQuery = url.Values{"channel": {channel}}.Encode()
	_, err = http.DefaultClient.Do(req)
	return err
}
