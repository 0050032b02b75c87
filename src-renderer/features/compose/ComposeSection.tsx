import { ToastProvider } from '../../components/Toast'
import { SnippetsRoutes } from '../snippets/SnippetsRoutes'
import { Composer } from './composer/Composer'
import { PostsView } from './posts/PostsView'
import { useComposeRoute } from './route'

/** Compose: the posts list, one post's composer, and the template and hashtag-set screens. */
export function ComposeSection() {
  const route = useComposeRoute()
  return (
    <ToastProvider>
      <SnippetsRoutes>
        {route.view === 'post' ? <Composer key={route.id} id={route.id} /> : <PostsView />}
      </SnippetsRoutes>
    </ToastProvider>
  )
}
